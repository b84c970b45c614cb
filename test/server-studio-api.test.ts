import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";
import type { RunningServer } from "../server/start-server.ts";
import { mlRef, tempDir } from "./helpers.ts";
import { ANALYST_TOKEN, client, newUserSession, startTestServer } from "./support/test-server.ts";

let server: RunningServer;
let analyst: ReturnType<typeof client>;
let plannerV1: any;

const ids = (feed: { id: string }[]) => feed.map((i) => i.id);

beforeAll(async () => {
  server = await startTestServer({ prepared: await prepareCatalog(mlRef, { dataDir: tempDir("studio-api") }) });
  analyst = client(server.url, ANALYST_TOKEN);
  plannerV1 = (await analyst.get("/api/graphs/planner/versions/1")).body.spec;
  // planner v2: the same graph with a semantic-heavy Matcher
  const spec = structuredClone(plannerV1);
  spec.nodes.find((n: { id: string }) => n.id === "matcher").data.alpha = 0.95;
  const saved = await analyst.post("/api/graphs/planner/versions", { spec, note: "α = 0.95" });
  if (saved.status !== 201 || saved.body.version !== 2) throw new Error(`save failed: ${JSON.stringify(saved.body)}`);
});
afterAll(() => server.close());

describe("POST /api/graphs/validate", () => {
  it("passes a good spec, and reports an unknown node type and a bad condition together, each on its node or edge", async () => {
    const anyone = client(server.url);
    expect((await anyone.post("/api/graphs/validate", { spec: plannerV1 })).body).toEqual({ ok: true, problems: [] });
    const spec = structuredClone(plannerV1);
    spec.nodes.find((n: { id: string }) => n.id === "attenuator").type = "teleporter";
    spec.edges.find((e: { id: string }) => e.id === "filter-aggregator").condition = "positve.hard.length > 0";
    const checked = await anyone.post("/api/graphs/validate", { spec });
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({
      ok: false,
      problems: [
        { code: "unknown_node_type", message: "node `attenuator` has unknown type `teleporter`: use a registered tool or stage id", nodeId: "attenuator" },
        {
          code: "bad_condition",
          message: "edge `filter-aggregator` (filter → aggregator): condition col 1: unknown name `positve`; a condition can read positive, negative, history, excluded, candidates, intents, terms, feed, k",
          nodeId: "filter", edgeId: "filter-aggregator",
        },
      ],
    });
    expect((await analyst.get("/api/graphs/planner/versions")).body.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it("reports a broken shape on the node it is in", async () => {
    const spec = structuredClone(plannerV1);
    spec.nodes[2].position = null;
    const checked = (await client(server.url).post("/api/graphs/validate", { spec })).body;
    expect(checked.ok).toBe(false);
    expect(checked.problems).toEqual([{ code: "invalid_spec", message: "graph spec: nodes.2.position: Invalid input: expected object, received null", nodeId: "matcher" }]);
    expect((await client(server.url).post("/api/graphs/validate", { spec: "a graph" })).body.problems.map((p: { code: string }) => p.code)).toEqual(["invalid_spec"]);
  });
});

describe("GET /api/graphs/:name/diff", () => {
  it("lists exactly the param that changed between two versions", async () => {
    const diff = await client(server.url).get("/api/graphs/planner/diff?from=1&to=2");
    expect(diff.status).toBe(200);
    expect(diff.body).toEqual({
      name: "planner", from: 1, to: 2,
      nodes: { added: [], removed: [], changed: [{ id: "matcher", params: [{ name: "alpha", before: 0.5, after: 0.95 }] }] },
      edges: { added: [], removed: [], changed: [] },
    });
    const back = (await client(server.url).get("/api/graphs/planner/diff?from=2&to=1")).body;
    expect(back.nodes.changed).toEqual([{ id: "matcher", params: [{ name: "alpha", before: 0.95, after: 0.5 }] }]);
  });

  it("names a missing version, and asks for both", async () => {
    const missing = await client(server.url).get("/api/graphs/planner/diff?from=1&to=9");
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("no saved graph `planner` version 9; GET /api/graphs lists them");
    const half = await client(server.url).get("/api/graphs/planner/diff?from=1");
    expect(half.status).toBe(400);
    expect(half.body.error.details.map((d: { path: string }) => d.path)).toEqual(["to"]);
  });
});

describe("POST /api/runs/:id/replay", () => {
  const FIRST = "no horror, something from the 90s";
  const SECOND = "more comedies";

  /**
   * Two turns on planner v1, with the item the second would have put first marked not interested between them
   * (so the turn excluded it), and the second turn's top item marked after it (which the turn did not exclude).
   */
  async function recordedSession() {
    const probe = await newUserSession(server.url, { catalogUser: "42" });
    await probe.api.post(`/api/sessions/${probe.sessionId}/commands`, { command: FIRST, k: 8 });
    const wouldLead = (await probe.api.post(`/api/sessions/${probe.sessionId}/commands`, { command: SECOND, k: 8 })).body.feed[0].id as string;

    const user = await newUserSession(server.url, { catalogUser: "42", graphs: { planner: { name: "planner", version: 1 } } });
    const command = (text: string) => user.api.post(`/api/sessions/${user.sessionId}/commands`, { command: text, k: 8 });
    const first = (await command(FIRST)).body;
    await user.api.post(`/api/sessions/${user.sessionId}/events`, { events: [{ type: "not_interested", itemId: wouldLead }] });
    const second = (await command(SECOND)).body;
    if (ids(second.feed).includes(wouldLead)) throw new Error("the item marked not interested is still in the feed");
    await user.api.post(`/api/sessions/${user.sessionId}/events`, { events: [{ type: "not_interested", itemId: second.feed[0].id }] });
    return { ...user, first, second, wouldLead };
  }

  /** A step as recorded, without what differs from one run to the next (ids, clock, durations). */
  const comparable = ({ runId: _r, at: _a, ms: _m, ...rest }: Record<string, unknown>) => rest;

  it("replays a turn on the versions that ran it and reproduces its memory and feed exactly, storing nothing", async () => {
    const { api, sessionId, second } = await recordedSession();
    const runsBefore = (await api.get(`/api/runs?sessionId=${sessionId}`)).body;
    const replay = await api.post(`/api/runs/${second.planner.runId}/replay`, {});
    expect(replay.status).toBe(200);
    const { original, replay: again, comparison } = replay.body;
    expect(replay.body).toMatchObject({ sessionId, turn: 2, command: SECOND });
    expect(original).toEqual({ memory: second.memory, feed: second.feed, parser: { name: "parser", version: 1 }, planner: { name: "planner", version: 1 } });
    expect(again.feed).toEqual(second.feed); // the item marked after the turn is not excluded from it
    expect(again.memory).toEqual(second.memory);
    expect(again.planner).toEqual({ name: "planner", version: 1 });
    expect(comparison).toEqual({ overlap: 8, rankChanges: ids(second.feed).map((itemId, rank) => ({ itemId, originalRank: rank, replayRank: rank })) });
    // step by step the same work, down to each node's summaries and the memory diff against the memory before the turn
    const recorded = async (runId: string) => (await api.get(`/api/runs/${runId}`)).body.steps.map((s: { event: Record<string, unknown> }) => comparable(s.event));
    expect(again.events.map(comparable)).toEqual([...(await recorded(second.parser.runId)), ...(await recorded(second.planner.runId))]);
    expect(again.events.map((e: { runId: string }) => e.runId)).not.toContain(second.planner.runId);

    // by the parser run of the same turn: the same replay
    const byParser = (await api.post(`/api/runs/${second.parser.runId}/replay`, {})).body;
    expect(byParser.original).toEqual(original);
    expect(byParser.replay.feed).toEqual(again.feed);
    expect((await api.get(`/api/runs?sessionId=${sessionId}`)).body).toEqual(runsBefore);
    expect((await api.get(`/api/sessions/${sessionId}/turns`)).body).toHaveLength(2);
  });

  it("replays against planner v2 and gives the feed that version gives that turn, with the overlap counted", async () => {
    const { api, sessionId, first, second, wouldLead } = await recordedSession();
    const replay = await api.post(`/api/runs/${second.parser.runId}/replay`, { graphs: { planner: { name: "planner", version: 2 } } });
    expect(replay.status).toBe(200);
    const { original, replay: v2, comparison } = replay.body;
    expect(original.planner).toEqual({ name: "planner", version: 1 });
    expect(v2.parser).toEqual({ name: "parser", version: 1 });
    expect(v2.planner).toEqual({ name: "planner", version: 2 });
    expect(ids(v2.feed)).not.toEqual(ids(second.feed));

    // the same two turns in a fresh session, the second one on v2: what the replay must have reproduced
    const twin = await newUserSession(server.url, { catalogUser: "42" });
    const command = (text: string, version: number) => twin.api.post(`/api/sessions/${twin.sessionId}/commands`, { command: text, k: 8, graphs: { planner: { name: "planner", version } } });
    expect(ids((await command(FIRST, 1)).body.feed)).toEqual(ids(first.feed));
    await twin.api.post(`/api/sessions/${twin.sessionId}/events`, { events: [{ type: "not_interested", itemId: wouldLead }] });
    const truth = (await command(SECOND, 2)).body;
    expect(v2.feed).toEqual(truth.feed);
    expect(v2.memory).toEqual(truth.memory);

    const originalIds = ids(second.feed);
    const replayIds = ids(v2.feed);
    expect(comparison.overlap).toBe(replayIds.filter((id) => originalIds.includes(id)).length);
    expect(comparison.overlap).toBeLessThan(8);
    const expected = [
      ...replayIds.map((id, rank) => ({ itemId: id, originalRank: originalIds.indexOf(id) < 0 ? null : originalIds.indexOf(id), replayRank: rank })),
      ...originalIds.filter((id) => !replayIds.includes(id)).map((id) => ({ itemId: id, originalRank: originalIds.indexOf(id), replayRank: null })),
    ];
    expect(comparison.rankChanges).toEqual(expected);
    expect((await api.get(`/api/runs?sessionId=${sessionId}`)).body).toHaveLength(4);
  });

  it("replays a first turn from an empty memory and feed", async () => {
    const { api, first } = await recordedSession();
    const replay = (await api.post(`/api/runs/${first.planner.runId}/replay`, {})).body;
    expect(replay.turn).toBe(1);
    expect(replay.replay.feed).toEqual(first.feed);
    expect(replay.replay.memory).toEqual(first.memory);
    expect(replay.replay.events[0].input).toBe(`command ${JSON.stringify(FIRST)}, feed of 0`);
  });

  it("refuses other users, unknown runs, runs of no turn and unknown versions, saying why", async () => {
    const { api, sessionId, second } = await recordedSession();
    const stranger = await newUserSession(server.url);
    const foreign = await stranger.api.post(`/api/runs/${second.planner.runId}/replay`, {});
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toBe(`run \`${second.planner.runId}\` belongs to another user's session`);
    expect((await client(server.url).post(`/api/runs/${second.planner.runId}/replay`, {})).status).toBe(401);
    expect((await analyst.post(`/api/runs/${second.planner.runId}/replay`, {})).status).toBe(200);

    const unknown = await api.post("/api/runs/no-such-run/replay", {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: "NOT_FOUND", message: "no run `no-such-run`" });

    const { store } = server.deps;
    const cut = await store.startRun({ kind: "parser", graph: "parser", version: 1, sessionId });
    await store.finishRun(cut.id, { status: "interrupted" });
    const orphan = await api.post(`/api/runs/${cut.id}/replay`, {});
    expect(orphan.status).toBe(409);
    expect(orphan.body.error).toMatchObject({
      code: "CONFLICT",
      message: `run \`${cut.id}\` (interrupted) is not part of a completed turn, so there is no turn to replay; replay a run listed in a session's turns`,
    });

    const missing = await api.post(`/api/runs/${second.planner.runId}/replay`, { graphs: { planner: { name: "planner", version: 99 } } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("no saved graph `planner` version 99; GET /api/graphs lists them");
    const wrongKind = await api.post(`/api/runs/${second.planner.runId}/replay`, { graphs: { parser: { name: "planner", version: 1 } } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.message).toBe("graph `planner` is a planner graph; it cannot run as the parser");
  });
});

describe("the OpenAPI document", () => {
  it("lists the studio's routes with their access", async () => {
    const doc = (await client(server.url).get("/api/openapi.json")).body;
    expect(doc.paths["/api/graphs/validate"].post["x-access"]).toBe("public");
    expect(doc.paths["/api/graphs/{name}/diff"].get.parameters.map((p: { name: string; required: boolean }) => `${p.name}${p.required ? "" : "?"}`)).toEqual(["name", "from", "to"]);
    const replay = doc.paths["/api/runs/{id}/replay"].post;
    expect(replay["x-access"]).toBe("user");
    expect(Object.keys(replay.responses["200"].content["application/json"].schema.properties)).toEqual(["sessionId", "turn", "command", "original", "replay", "comparison"]);
  });
});
