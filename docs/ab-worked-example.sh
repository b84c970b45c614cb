#!/bin/bash
# The README's A/B worked example: a server on a fresh data folder, a planner variant, a simulated run, then live
# traffic from `recbot traffic`, printing both decisions. Run from the repository root: ./docs/ab-worked-example.sh
set -e
DIR=$(mktemp -d /tmp/recbot-ab-XXXX)
PORT=3917
export RECBOT_ANALYST_TOKEN=worked-example-analyst-token
RECBOT_DATA_DIR=$DIR RECBOT_SIGNUPS_PER_SECOND=0 RECBOT_COMMANDS_PER_SECOND=0 PORT=$PORT node --import tsx server/index.ts > $DIR/server.log 2>&1 &
SERVER=$!
trap "kill $SERVER" EXIT
URL=http://127.0.0.1:$PORT
H="authorization: Bearer $RECBOT_ANALYST_TOKEN"
until curl -sf $URL/api/health | grep -q '"status":"ok"'; do sleep 1; done
SPEC=$(curl -s $URL/api/graphs/planner | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const g=JSON.parse(s);const a=g.spec.nodes.find(n=>n.id==="attenuator");a.data.beta=0;console.log(JSON.stringify({spec:g.spec,note:"no attenuation of what the user said it does not want (beta 0)"}))})')
curl -s -X POST -H "$H" -H 'content-type: application/json' -d "$SPEC" $URL/api/graphs/planner/versions > /dev/null
EXP=$(curl -s -X POST -H "$H" -H 'content-type: application/json' -d '{"name":"attenuator off","description":"Does pushing down what the user said it does not want matter?","variants":[{"name":"A","graphs":{"planner":{"name":"planner","version":1}}},{"name":"B","graphs":{"planner":{"name":"planner","version":2}}}],"primaryMetric":"negative_feedback"}' $URL/api/experiments | node -pe 'JSON.parse(require("fs").readFileSync(0)).id')
echo "experiment $EXP"
curl -s -X POST -H "$H" -H 'content-type: application/json' -d '{"sessions":200,"seed":1}' $URL/api/experiments/$EXP/simulate > $DIR/sim.json
node -e 'const r=require(process.argv[1]);console.log("SIMULATED:", r.analysis.summary.text);for(const c of r.analysis.comparisons){if(c.status==="ok")console.log(" ",c.metricId,c.decision.verdict,c.decision.text)}' $DIR/sim.json
curl -s -X POST -H "$H" -H 'content-type: application/json' -d '{"action":"start"}' $URL/api/experiments/$EXP/actions > /dev/null
time node bin/recbot.mjs traffic --url $URL --catalog demo --users ${USERS:-300} --concurrency 8 --quiet
sleep 2
curl -s -H "$H" $URL/api/experiments/$EXP/results > $DIR/live.json
node -e 'const r=require(process.argv[1]);const l=r.latest;console.log("LIVE:", JSON.stringify(l.exposures), "looks:", r.history.length);console.log(l.analysis.summary.text);for(const c of l.analysis.comparisons){if(c.status==="ok")console.log(" ",c.metricId,c.decision.verdict,c.decision.text)}' $DIR/live.json
echo "data: $DIR"
