import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { historyOf } from "../catalog/catalog.ts";
import { prepareCatalog, type PreparedCatalog } from "../runtime/prepared-catalog.ts";
import type { RunningServer } from "../server/start-server.ts";
import { mlRef, tempDir } from "./helpers.ts";
import { client, startTestServer } from "./support/test-server.ts";

let prepared: PreparedCatalog;
let server: RunningServer;
const get = (path: string, root = server.url) => client(root).get(path);
const post = (path: string, body: string) => client(server.url).postRaw(path, body);

beforeAll(async () => {
  prepared = await prepareCatalog(mlRef, { dataDir: tempDir("server") });
  server = await startTestServer({ prepared });
});
afterAll(() => server.close());

describe("HTTP API on a real server", () => {
  it("reports health and catalog stats", async () => {
    const health = await get("/api/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "ok", catalog: { items: 9742 } });
    const stats = (await get("/api/catalog?top=5")).body;
    expect(stats).toMatchObject({ items: 9742, users: 610, interactions: 100836 });
    const genre = stats.attributes.find((a: { name: string }) => a.name === "genre");
    expect(genre.top).toHaveLength(5);
    expect(genre.top[0]).toEqual({ value: "Drama", items: expect.any(Number) });
  });

  it("looks up an item and names a missing one", async () => {
    expect((await get("/api/catalog/items/1")).body).toMatchObject({ id: "1", title: "Toy Story (1995)" });
    const missing = await get("/api/catalog/items/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: "ITEM_NOT_FOUND", message: expect.stringContaining("nope") });
  });

  it("recommends under hard constraints, without the user's history", async () => {
    const preferences = { positive: { hard: [{ attribute: "genre", values: ["Horror"] }], soft: [] }, negative: { hard: [], soft: [] } };
    const res = await post("/api/recommendations", JSON.stringify({ user: "42", preferences, k: 8 }));
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.items).toHaveLength(8);
    const history = new Set(Array.from(historyOf(prepared.catalog, prepared.catalog.interactions.userIndex.get("42")!), (i) => prepared.catalog.ids[i]));
    for (const item of body.items) {
      expect(item.attributes.genre).toContain("Horror");
      expect(history.has(item.id)).toBe(false);
    }
    expect(body.steps.map((s: { tool: string }) => s.tool)).toEqual(["filter", "matcher", "attenuator", "aggregator"]);
  });

  it("rejects bad requests with a coded error naming the field", async () => {
    const wrongType = await post("/api/recommendations", JSON.stringify({ k: "ten" }));
    expect(wrongType.status).toBe(400);
    const body = wrongType.body;
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details[0].path).toBe("k");
    const broken = await post("/api/recommendations", "{not json");
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe("BAD_JSON");
    const unknown = await get("/api/nothing-here");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NOT_FOUND");
  });

  it("answers 503 with a reason while the catalog is still loading", async () => {
    const loading = await startTestServer({ prepared: new Promise(() => {}) });
    try {
      const health = await get("/api/health", loading.url);
      expect(health.body.status).toBe("loading");
      const stats = await get("/api/catalog", loading.url);
      expect(stats.status).toBe(503);
      expect(stats.body.error.code).toBe("CATALOG_LOADING");
    } finally {
      await loading.close();
    }
  });

  it("searches items by title words, then by meaning", async () => {
    const byTitle = await get("/api/catalog/search?q=toy%20story&limit=3");
    expect(byTitle.status).toBe(200);
    expect(byTitle.body[0].title).toMatch(/Toy Story/);
    const empty = await get("/api/catalog/search?q=");
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].path).toBe("q");
  });

  it("lists catalog users with the longest histories, for personalised sessions", async () => {
    const users = (await get("/api/catalog/users?limit=3")).body;
    expect(users).toHaveLength(3);
    expect(users[0].historyLength).toBeGreaterThanOrEqual(users[1].historyLength);
    expect(users[0].historyLength).toBe(historyOf(prepared.catalog, prepared.catalog.interactions.userIndex.get(users[0].id)!).length);
  });

  it("serves an OpenAPI document with every route, its access and its schemas", async () => {
    const doc = (await get("/api/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    for (const op of ["POST /api/users", "POST /api/sessions", "POST /api/sessions/{id}/commands", "POST /api/sessions/{id}/events", "GET /api/runs/{id}", "POST /api/graphs/{name}/versions", "GET /api/graphs/{name}/export", "GET /api/health"]) {
      expect(ops).toContain(op);
    }
    const command = doc.paths["/api/sessions/{id}/commands"].post;
    expect(command.security).toEqual([{ bearer: [] }]);
    expect(command.requestBody.content["application/json"].schema.properties.command.maxLength).toBe(500);
    expect(command.responses["200"].content["application/json"].schema.properties.feed.type).toBe("array");
    expect(doc.paths["/api/runs"].get.parameters.map((p: { name: string }) => p.name)).toContain("hasFallback");
  });
});
