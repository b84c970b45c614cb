import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { historyOf } from "../catalog/catalog.ts";
import { prepareCatalog, type PreparedCatalog } from "../runtime/prepared-catalog.ts";
import { createApp } from "../server/app.ts";
import { CatalogHolder } from "../server/catalog-holder.ts";
import { mlRef, requestJson, tempDir } from "./helpers.ts";

let prepared: PreparedCatalog;
let server: Server;
let base: string;

function listen(holder: CatalogHolder): Promise<Server> {
  return new Promise((resolve) => {
    const s = createApp({ catalog: holder }).listen(0, "127.0.0.1", () => resolve(s));
  });
}
const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
const get = (path: string, root = base) => requestJson(root + path);
const post = (path: string, body: string) => requestJson(base + path, body);

beforeAll(async () => {
  prepared = await prepareCatalog(mlRef, { dataDir: tempDir("server") });
  server = await listen(CatalogHolder.ready(prepared));
  base = urlOf(server);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
    const loading = await listen(new CatalogHolder("demo"));
    try {
      const health = await get("/api/health", urlOf(loading));
      expect(health.body.status).toBe("loading");
      const stats = await get("/api/catalog", urlOf(loading));
      expect(stats.status).toBe(503);
      expect(stats.body.error.code).toBe("CATALOG_LOADING");
    } finally {
      await new Promise((r) => loading.close(r));
    }
  });
});
