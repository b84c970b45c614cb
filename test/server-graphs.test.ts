import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";
import type { RunningServer } from "../server/start-server.ts";
import { mlRef, tempDir } from "./helpers.ts";
import { ANALYST_TOKEN, client, newUserSession, startTestServer } from "./support/test-server.ts";

let server: RunningServer;
let analyst: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startTestServer({ prepared: await prepareCatalog(mlRef, { dataDir: tempDir("graphs") }) });
  analyst = client(server.url, ANALYST_TOKEN);
});
afterAll(() => server.close());

describe("saved graphs and their versions", () => {
  it("ships the default graphs as version 1, with a node palette per agent", async () => {
    const list = (await client(server.url).get("/api/graphs")).body;
    expect(list.map((g: { name: string; version: number; kind: string }) => `${g.name}@${g.version} ${g.kind}`)).toEqual(["parser@1 parser", "parser-llm@1 parser", "planner@1 planner"]);
    const palette = (await client(server.url).get("/api/graphs/palette/planner")).body;
    const matcher = palette.find((p: { id: string }) => p.id === "matcher");
    expect(matcher.params.properties.alpha).toMatchObject({ type: "number", minimum: 0, maximum: 1 });
    expect((await client(server.url).get("/api/graphs/palette/other")).status).toBe(404);
  });

  it("saves an edited spec as the next version; a session pinned to it runs it", async () => {
    const planner = (await analyst.get("/api/graphs/planner")).body;
    const spec = structuredClone(planner.spec);
    spec.nodes.find((n: { id: string }) => n.id === "aggregator").data = { popularityPrior: 0.5 };
    const saved = await analyst.post("/api/graphs/planner/versions", { spec, note: "stronger popularity prior" });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: "planner", version: 2, note: "stronger popularity prior" });
    expect((await analyst.get("/api/graphs/planner/versions")).body.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await analyst.get("/api/graphs/planner/versions/1")).body.spec).toEqual(planner.spec);

    const { api, sessionId } = await newUserSession(server.url, { graphs: { planner: { name: "planner", version: 1 } } });
    const pinned = (await api.post(`/api/sessions/${sessionId}/commands`, { command: "drama" })).body;
    expect(pinned.planner).toMatchObject({ name: "planner", version: 1 });
    const override = (await api.post(`/api/sessions/${sessionId}/commands`, { command: "drama", graphs: { planner: { name: "planner" } } })).body;
    expect(override.planner).toMatchObject({ name: "planner", version: 2 });
    const runs = (await analyst.get("/api/runs?graph=planner&version=2")).body;
    expect(runs.map((r: { id: string }) => r.id)).toContain(override.planner.runId);
  });

  it("refuses an invalid spec with the node and the reason, and saves nothing", async () => {
    const before = (await analyst.get("/api/graphs/planner/versions")).body.length;
    const spec = structuredClone((await analyst.get("/api/graphs/planner")).body.spec);
    spec.nodes.find((n: { id: string }) => n.id === "matcher").type = "telepathy";
    const refused = await analyst.post("/api/graphs/planner/versions", { spec });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "INVALID_GRAPH", details: { nodeId: "matcher" } });
    expect(refused.body.error.message).toMatch(/telepathy/);

    const malicious = structuredClone((await analyst.get("/api/graphs/planner")).body.spec);
    malicious.edges[1].condition = "process.exit(1)";
    const condition = await analyst.post("/api/graphs/planner/versions", { spec: malicious });
    expect(condition.status).toBe(400);
    expect(condition.body.error.code).toBe("INVALID_GRAPH");

    const parserSpec = (await analyst.get("/api/graphs/parser")).body.spec;
    const wrongKind = await analyst.post("/api/graphs/planner/versions", { spec: parserSpec });
    expect(wrongKind.status).toBe(409);
    expect((await analyst.get("/api/graphs/planner/versions")).body.length).toBe(before);
  });

  it("exports a version as a JSON file and imports it under a new name", async () => {
    const exported = await client(server.url).get("/api/graphs/parser/export?version=1");
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="parser-v1.json"');
    expect(exported.body.kind).toBe("parser");
    const imported = await analyst.post("/api/graphs/import", { name: "parser-copy", spec: exported.body, note: "imported" });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ name: "parser-copy", version: 1, kind: "parser" });
    expect((await analyst.post("/api/graphs/import", { name: "bad name!", spec: exported.body })).status).toBe(400);
    expect((await client(server.url).post("/api/graphs/import", { name: "x", spec: exported.body })).status).toBe(401);
  });
});
