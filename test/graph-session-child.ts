// Runs session turns in a child process for test/graph-session.test.ts; one JSON line per report.
// argv: dataDir dbFile sessionId user stallAtTurn commandsJson
import { history, openSession, runCommand } from "../graphs/session.ts";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";

const [dataDir, file, sessionId, user, stallAt, commandsJson] = process.argv.slice(2);
const say = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);
const { context } = await prepareCatalog("demo:2000", { dataDir });
const session = await openSession(sessionId, { ctx: context, file, user });
say({ kind: "history", turns: await history(session) });
for (const command of JSON.parse(commandsJson) as string[]) {
  const turn = runCommand(session, command);
  const stall = (await history(session)).length + 1 === Number(stallAt);
  for (;;) {
    const next = await turn.next();
    if (next.done) {
      say({ kind: "turn", record: next.value });
      break;
    }
    if (stall && next.value.type === "node_start" && next.value.kind === "planner") {
      say({ kind: "stalled", at: next.value.nodeId });
      await new Promise(() => {}); // mid-turn, parse done, planner running: wait to be killed
    }
  }
}
say({ kind: "done" });
