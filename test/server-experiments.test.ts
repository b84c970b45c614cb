import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulationResult } from "../experiments/simulated/simulation-result.ts";
import { ExperimentResults, ExperimentSnapshot } from "../schemas/experiment.ts";
import { assignVariant } from "../server/experiments/assign-variant.ts";
import type { RunningServer } from "../server/start-server.ts";
import { driveTraffic } from "../traffic/simulated-traffic.ts";
import { ANALYST_TOKEN, client, liveClient, newUserSession, savePlannerVariant, startTestServer, type LiveClient } from "./support/test-server.ts";

let server: RunningServer;
let analyst: ReturnType<typeof client>;
const sockets: LiveClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ signupsPerSecond: 0 }); // tests here sign up many users at once
  await server.ready;
  analyst = client(server.url, ANALYST_TOKEN);
  await savePlannerVariant(analyst); // the variant under test ranks without the history blend
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

const definition = (name: string) => ({
  name,
  variants: [
    { name: "A", graphs: { planner: { name: "planner", version: 1 } } },
    { name: "B", graphs: { planner: { name: "planner", version: 2 } } },
  ],
  primaryMetric: "click_through",
});

describe("A/B experiments on the server", () => {
  it("refuses definitions that name missing or mismatched versions, duplicate variants, or a primary metric that is also a guardrail", async () => {
    const missing = await analyst.post("/api/experiments", { ...definition("x"), variants: [definition("x").variants[0], { name: "B", graphs: { planner: { name: "planner", version: 99 } } }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/variants\[1\] \(B\)\.graphs\.planner: no saved graph `planner` version 99/);
    const wrongKind = await analyst.post("/api/experiments", { ...definition("x"), variants: [definition("x").variants[0], { name: "B", graphs: { planner: { name: "parser", version: 1 } } }] });
    expect(wrongKind.body.error.message).toMatch(/is a parser graph; it cannot run as the planner/);
    const twice = await analyst.post("/api/experiments", { ...definition("x"), variants: [definition("x").variants[0], definition("x").variants[0]] });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toMatch(/variant name `A` is used twice/);
    const both = await analyst.post("/api/experiments", { ...definition("x"), guardrails: ["click_through"] });
    expect(JSON.stringify(both.body)).toMatch(/primary metric; it cannot also be a guardrail/);
    const { api } = await newUserSession(server.url);
    expect((await api.get("/api/experiments")).status).toBe(403);
  });

  it("enrols new sessions by a hash of user and experiment, records an exposure per feed served, and analyses the feed events live", async () => {
    const created = await analyst.post("/api/experiments", definition("matcher alpha"));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.status).toBe("draft");
    expect(created.body.catalog).toBe("demo"); // "the default catalog" is pinned to its id
    const before = await newUserSession(server.url);
    expect((await analyst.post(`/api/experiments/${id}/actions`, { action: "start" })).body.status).toBe("running");
    const clash = await analyst.post("/api/experiments", definition("second"));
    const refused = await analyst.post(`/api/experiments/${clash.body.id}/actions`, { action: "start" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/`matcher alpha` is already running/);

    const watcher = await liveClient(server.url, ANALYST_TOKEN);
    sockets.push(watcher);
    const looks: ExperimentSnapshot[] = [];
    watcher.on("experiment", (s) => looks.push(ExperimentSnapshot.parse(s)));
    expect((await watcher.emitWithAck("subscribe", { experimentId: id })).ok).toBe(true);

    const split = { id, variants: [{ name: "A", weight: 1 }, { name: "B", weight: 1 }] };
    const users = await Promise.all(Array.from({ length: 8 }, () => newUserSession(server.url)));
    const perVariant = (v: string) => users.filter((u) => assignVariant(u.userId, split) === v).length;
    // assignment is by a hash of random user ids: add users until both variants have the two an analysis needs
    while (perVariant("A") < 2 || perVariant("B") < 2) users.push(await newUserSession(server.url));
    let commands = 0;
    for (const [n, u] of users.entries()) {
      const session = (await u.api.get(`/api/sessions/${u.sessionId}`)).body;
      expect(session.experiment).toEqual({ id, variant: assignVariant(u.userId, split) });
      expect(session.graphs.planner.version).toBe(session.experiment.variant === "A" ? 1 : 2);
      for (const command of ["something funny", n % 2 ? "no horror" : "more drama"]) {
        const result = await u.api.post(`/api/sessions/${u.sessionId}/commands`, { command, k: 5 });
        expect(result.status).toBe(200);
        expect(result.body.planner.version).toBe(session.graphs.planner.version);
        commands++;
        const feed = result.body.feed as { id: string; position: number }[];
        const events = [...feed.map((f) => ({ type: "impression", itemId: f.id, position: f.position, runId: result.body.planner.runId })), { type: "click", itemId: feed[n % feed.length].id, position: n % feed.length, runId: result.body.planner.runId }];
        expect((await u.api.post(`/api/sessions/${u.sessionId}/events`, { events })).status).toBe(201);
      }
    }
    // a session that existed before the start is not enrolled and records no exposure
    expect((await before.api.get(`/api/sessions/${before.sessionId}`)).body.experiment).toBeNull();
    await before.api.post(`/api/sessions/${before.sessionId}/commands`, { command: "comedies" });

    const results = ExperimentResults.parse((await analyst.get(`/api/experiments/${id}/results`)).body);
    const exposures = results.latest.exposures;
    expect(exposures.reduce((s, e) => s + e.exposures, 0)).toBe(commands);
    expect(exposures.reduce((s, e) => s + e.users, 0)).toBe(users.length);
    expect(exposures.find((e) => e.variant === "A")!.users).toBe(perVariant("A"));
    expect(results.latest.waiting).toBeNull();
    const analysis = results.latest.analysis!;
    expect(analysis.srm.observed).toEqual([perVariant("A"), perVariant("B")]);
    const ctr = analysis.estimates.find((e) => e.metricId === "click_through" && e.variant === "A");
    expect(ctr?.status === "ok" && ctr.value).toBeCloseTo(1 / 5, 5); // one click per five impressions, by construction
    expect(analysis.comparisons.find((c) => c.metricId === "click_through")!.decision.text).toBeTruthy();
    // the live channel pushed looks as the data came in
    await expect.poll(() => looks.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(looks.at(-1)!.experimentId).toBe(id);

    expect((await analyst.post(`/api/experiments/${id}/actions`, { action: "pause" })).body.status).toBe("paused");
    const late = await newUserSession(server.url);
    expect((await late.api.get(`/api/sessions/${late.sessionId}`)).body.experiment).toBeNull();
    const enrolled = users[0];
    await enrolled.api.post(`/api/sessions/${enrolled.sessionId}/commands`, { command: "thrillers" });
    const paused = ExperimentResults.parse((await analyst.get(`/api/experiments/${id}/results`)).body);
    expect(paused.latest.exposures.reduce((s, e) => s + e.exposures, 0)).toBe(commands); // no exposure while paused
    expect((await analyst.put(`/api/experiments/${id}`, definition("renamed"))).status).toBe(409);
    const stopped = await analyst.post(`/api/experiments/${id}/actions`, { action: "stop" });
    expect(stopped.body).toMatchObject({ status: "stopped", stoppedAt: expect.any(Number) });
    expect((await analyst.post(`/api/experiments/${id}/actions`, { action: "resume" })).status).toBe(409);
  }, 120_000);

  it("simulates a draft offline on paired simulated users and keeps the latest result", async () => {
    const id = (await analyst.post("/api/experiments", definition("simulated first"))).body.id as string;
    expect((await analyst.get(`/api/experiments/${id}/simulation`)).body).toBeNull();
    expect((await analyst.post(`/api/experiments/${id}/simulate`, { sessions: 1 })).status).toBe(400);
    const run = await analyst.post(`/api/experiments/${id}/simulate`, { sessions: 12, seed: 3 });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const result = SimulationResult.parse(run.body);
    expect(result.variants.map((v) => [v.name, v.users])).toEqual([["A", 12], ["B", 12]]);
    expect(result.analysis.comparisons.find((c) => c.metricId === "click_through")?.treatment).toBe("B");
    expect(result.paired.length).toBeGreaterThan(0);
    expect(SimulationResult.parse((await analyst.get(`/api/experiments/${id}/simulation`)).body).seed).toBe(3);
  }, 120_000);

  it("takes simulated traffic over the real API: every command an exposure, every reaction a feed event", async () => {
    const id = (await analyst.post("/api/experiments", definition("traffic"))).body.id as string;
    expect((await analyst.post(`/api/experiments/${id}/actions`, { action: "start" })).status).toBe(200);
    const traffic = (users: number, seed: number) => driveTraffic({ url: server.url, catalog: server.deps.catalogs.require().catalog, users, seed, concurrency: 4, k: 10 });
    const runs = [await traffic(8, 5)];
    const enrolled = (variant: string) => runs.reduce((n, r) => n + (r.variants[variant] ?? 0), 0);
    // assignment is by a hash of random user ids: add shoppers until both variants have the two an analysis needs
    while (enrolled("A") < 2 || enrolled("B") < 2) runs.push(await traffic(1, 5 + runs.length));
    const users = 7 + runs.length;
    const commands = runs.reduce((n, r) => n + r.commands, 0);
    expect(runs.flatMap((r) => r.failures)).toEqual([]);
    expect(runs.reduce((n, r) => n + r.users, 0)).toBe(users);
    expect(enrolled("A") + enrolled("B")).toBe(users);
    const look = ExperimentSnapshot.parse((await analyst.post(`/api/experiments/${id}/looks`)).body);
    expect(look.exposures.reduce((s, e) => s + e.exposures, 0)).toBe(commands);
    expect(look.exposures.reduce((s, e) => s + e.users, 0)).toBe(users);
    expect(look.waiting).toBeNull();
    const impressions = look.analysis!.estimates.filter((e) => e.metricId === "click_through" && e.status === "ok").reduce((s, e) => s + (e.status === "ok" ? e.denominatorTotal : 0), 0);
    expect(impressions).toBe(commands * 10);
    await analyst.post(`/api/experiments/${id}/actions`, { action: "stop" });
  }, 120_000);

  it("keeps enrolling nothing, and creating sessions, when a running experiment's catalog is not loaded here", async () => {
    const elsewhere = await server.deps.store.experiments.create({ ...definition("elsewhere"), catalog: "another-catalog", description: "", guardrails: [], primaryMetric: "click_through", variants: definition("x").variants.map((v) => ({ ...v, weight: 1 })) });
    await server.deps.store.experiments.setStatus(elsewhere.id, "running", Date.now());
    await server.deps.experiments.load();
    const u = await newUserSession(server.url);
    expect((await u.api.get(`/api/sessions/${u.sessionId}`)).body.experiment).toBeNull();
    const results = await analyst.get(`/api/experiments/${elsewhere.id}/results`);
    expect(results.status).toBe(404);
    expect(results.body.error.message).toMatch(/no catalog `another-catalog`/);
  });

  it("warns of a sample-ratio mismatch when one variant's users go missing (here: only sessions assigned to A get created)", async () => {
    const id = (await analyst.post("/api/experiments", definition("lopsided"))).body.id as string;
    await analyst.post(`/api/experiments/${id}/actions`, { action: "start" });
    const split = { id, variants: [{ name: "A", weight: 1 }, { name: "B", weight: 1 }] };
    const counts = { A: 0, B: 0 };
    while (counts.A < 24 || counts.B < 2) {
      const signup = await client(server.url).post("/api/users", { name: "srm" });
      const variant = assignVariant(signup.body.user.id, split) as "A" | "B";
      if (variant === "B" && counts.B >= 2) continue; // B's sessions are "lost", as a logging bug would lose them
      counts[variant]++;
      const api = client(server.url, signup.body.token);
      const session = (await api.post("/api/sessions", {})).body;
      await api.post(`/api/sessions/${session.id}/commands`, { command: "something warm", k: 3 });
    }
    const look = ExperimentSnapshot.parse((await analyst.post(`/api/experiments/${id}/looks`)).body);
    expect(look.analysis!.srm).toMatchObject({ observed: [24, 2], mismatch: true });
    expect(look.analysis!.summary.trustworthy).toBe(false);
    expect(look.analysis!.summary.text).toMatch(/^Do not trust these results: sample ratio mismatch/);
    await analyst.post(`/api/experiments/${id}/actions`, { action: "stop" });
  }, 120_000);
});
