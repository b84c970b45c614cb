import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareCatalog, type PreparedCatalog } from "../runtime/prepared-catalog.ts";
import type { RunningServer } from "../server/start-server.ts";
import { mlRef, tempDir } from "./helpers.ts";
import { ANALYST_TOKEN, client, newUserSession, startTestServer } from "./support/test-server.ts";

let prepared: PreparedCatalog;
let server: RunningServer;

beforeAll(async () => {
  prepared = await prepareCatalog(mlRef, { dataDir: tempDir("sessions") });
  server = await startTestServer({ prepared });
});
afterAll(() => server.close());

const genreOf = (item: { attributes: Record<string, unknown> }) => item.attributes.genre as string[];

describe("sessions and commands over HTTP", () => {
  it("runs commands turn by turn: memory consolidates, the feed obeys it, every turn is kept", async () => {
    const { api, sessionId } = await newUserSession(server.url, { catalogUser: "42" });
    const first = await api.post(`/api/sessions/${sessionId}/commands`, { command: "no horror, something from the 90s", k: 8 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ sessionId, turn: 1, source: "offline", parser: { name: "parser", version: 1 }, planner: { name: "planner", version: 1 } });
    expect(first.body.memory.negative.hard).toEqual([{ attribute: "genre", values: ["Horror"] }]);
    expect(first.body.feed).toHaveLength(8);
    for (const item of first.body.feed) {
      expect(genreOf(item)).not.toContain("Horror");
      expect(item.attributes.year).toBeGreaterThanOrEqual(1990);
      expect(item.attributes.year).toBeLessThanOrEqual(1999);
    }
    const second = await api.post(`/api/sessions/${sessionId}/commands`, { command: "more comedies" });
    expect(second.body.turn).toBe(2);
    // the earlier constraints are preserved and the new one integrated
    expect(second.body.memory.negative.hard).toEqual(first.body.memory.negative.hard);
    expect(second.body.memory.positive.soft).toContainEqual({ attribute: "genre", values: ["Comedy"] });

    const view = await api.get(`/api/sessions/${sessionId}`);
    expect(view.body.turns.map((t: { command: string }) => t.command)).toEqual(["no horror, something from the 90s", "more comedies"]);
    expect(view.body.turns[0].memory).toEqual(first.body.memory);
    expect(view.body.feed.map((i: { id: string }) => i.id)).toEqual(second.body.feed.map((i: { id: string }) => i.id));

    const runs = await api.get(`/api/runs?sessionId=${sessionId}`);
    expect(runs.body).toHaveLength(4);
    expect(runs.body.every((r: { status: string }) => r.status === "ok")).toBe(true);
    const parserRun = await api.get(`/api/runs/${first.body.parser.runId}`);
    expect(parserRun.body.steps.map((s: { event: { type: string } }) => s.event.type)).toEqual([
      "run_start", ...Array(5).fill(["node_start", "node_end"]).flat(), "run_end",
    ]);
  });

  it("records feed events all or none, and drops items marked not interested from later feeds", async () => {
    const { api, sessionId } = await newUserSession(server.url);
    const turn = (await api.post(`/api/sessions/${sessionId}/commands`, { command: "animation", k: 5 })).body;
    const [top, second] = turn.feed;
    const bad = await api.post(`/api/sessions/${sessionId}/events`, { events: [{ type: "click", itemId: top.id }, { type: "like", itemId: "no-such-item" }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("events[1].itemId: no item `no-such-item` in ml-latest-small; nothing was recorded");
    expect((await api.get(`/api/sessions/${sessionId}/events`)).body).toEqual([]);

    const ok = await api.post(`/api/sessions/${sessionId}/events`, {
      events: [
        ...turn.feed.map((item: { id: string; position: number }) => ({ type: "impression", itemId: item.id, position: item.position, runId: turn.planner.runId })),
        { type: "not_interested", itemId: top.id, position: 0, runId: turn.planner.runId },
        { type: "add_to_cart", itemId: second.id, position: 1, runId: turn.planner.runId },
      ],
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toHaveLength(7);
    const next = (await api.post(`/api/sessions/${sessionId}/commands`, { command: "animation", k: 5 })).body;
    expect(next.feed.map((i: { id: string }) => i.id)).not.toContain(top.id);
    expect(next.feed.map((i: { id: string }) => i.id)).toContain(second.id);
  });
});

describe("access control", () => {
  it("refuses unauthenticated writes and other users' sessions and runs; analysts see everything", async () => {
    const alice = await newUserSession(server.url);
    const bob = await newUserSession(server.url);
    const anonymous = client(server.url);
    const analyst = client(server.url, ANALYST_TOKEN);
    const run = (await alice.api.post(`/api/sessions/${alice.sessionId}/commands`, { command: "westerns" })).body;

    const noToken = await anonymous.post(`/api/sessions/${alice.sessionId}/commands`, { command: "drama" });
    expect(noToken.status).toBe(401);
    expect(noToken.body.error.code).toBe("UNAUTHORIZED");
    expect((await anonymous.post("/api/sessions", {})).status).toBe(401);
    expect((await client(server.url, "user_forged").post("/api/sessions", {})).status).toBe(401);

    const foreign = await bob.api.post(`/api/sessions/${alice.sessionId}/commands`, { command: "drama" });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toBe(`session \`${alice.sessionId}\` belongs to another user`);
    expect((await bob.api.get(`/api/sessions/${alice.sessionId}`)).status).toBe(403);
    expect((await bob.api.get(`/api/runs/${run.parser.runId}`)).status).toBe(403);
    expect((await bob.api.get(`/api/runs?userId=${alice.userId}`)).status).toBe(403);
    expect((await bob.api.get("/api/runs")).body.every((r: { userId: string }) => r.userId === bob.userId)).toBe(true);

    expect((await analyst.get(`/api/runs/${run.parser.runId}`)).status).toBe(200);
    expect((await analyst.get(`/api/runs?userId=${alice.userId}`)).body.length).toBeGreaterThanOrEqual(2);
    const saved = await alice.api.post("/api/graphs/planner/versions", { spec: (await analyst.get("/api/graphs/planner")).body.spec });
    expect(saved.status).toBe(403);
    // nothing was committed by the refused commands
    expect((await alice.api.get(`/api/sessions/${alice.sessionId}/turns`)).body).toHaveLength(1);
  });

  it("rejects bad commands with a precise message and stores nothing", async () => {
    const { api, sessionId } = await newUserSession(server.url);
    const empty = await api.post(`/api/sessions/${sessionId}/commands`, { command: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0]).toMatchObject({ path: "command", message: expect.stringContaining("the command is empty") });
    const long = await api.post(`/api/sessions/${sessionId}/commands`, { command: "x".repeat(501) });
    expect(long.body.error.details[0].message).toBe("the command is longer than 500 characters; shorten it");
    const sql = await api.post(`/api/sessions/${sessionId}/commands`, { command: "'); DROP TABLE turns; --" });
    expect(sql.status).toBe(200); // just words to the parser
    const missing = await api.post("/api/sessions/no-such-session/commands", { command: "drama" });
    expect(missing.status).toBe(404);
    const unknownUser = await api.post("/api/sessions", { catalogUser: "nobody" });
    expect(unknownUser.body.error.message).toMatch(/has no user `nobody`/);
    expect((await api.get(`/api/sessions/${sessionId}/turns`)).body.map((t: { command: string }) => t.command)).toEqual(["'); DROP TABLE turns; --"]);
  });

  it("limits commands per user with 429 and Retry-After", async () => {
    const limited = await startTestServer({ prepared, commandsPerSecond: 0.5, commandBurst: 2 });
    try {
      const { api, sessionId } = await newUserSession(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await api.post(`/api/sessions/${sessionId}/commands`, { command: "drama" })).status);
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      const refused = await api.post(`/api/sessions/${sessionId}/commands`, { command: "drama" });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("RATE_LIMITED");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // another user has their own allowance
      const other = await newUserSession(limited.url);
      expect((await other.api.post(`/api/sessions/${other.sessionId}/commands`, { command: "drama" })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
