import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";
import { catalogIdOf } from "../server/catalog-set.ts";
import type { RunningServer } from "../server/start-server.ts";
import { mlRef, tempDir } from "./helpers.ts";
import { client, newUserSession, startTestServer } from "./support/test-server.ts";

let server: RunningServer;

beforeAll(async () => {
  const dataDir = tempDir("catalogs");
  // MovieLens prepared here (the default), a small demo shop loaded by the server itself
  server = await startTestServer({ dataDir, catalogRef: [mlRef, "demo:2000"], prepared: await prepareCatalog(mlRef, { dataDir }) });
  await server.ready;
}, 120_000);
afterAll(() => server.close());

describe("a server with several catalogs", () => {
  it("names catalogs by their reference", () => {
    expect(catalogIdOf("demo")).toBe("demo");
    expect(catalogIdOf("demo:2000")).toBe("demo-2000");
    expect(catalogIdOf("movielens:/data/ml-latest-small/")).toBe("ml-latest-small");
    expect(catalogIdOf("/srv/catalogs/books")).toBe("books");
  });

  it("lists them, the first as the default, and serves each one's stats, users and items", async () => {
    const list = (await client(server.url).get("/api/catalogs")).body;
    expect(list.map((c: { id: string; default: boolean; status: string }) => [c.id, c.default, c.status])).toEqual([["ml-latest-small", true, "ready"], ["demo-2000", false, "ready"]]);
    expect((await client(server.url).get("/api/catalog?catalog=demo-2000&top=3")).body.items).toBe(2000);
    expect((await client(server.url).get("/api/catalog?top=3")).body.items).toBe(9742);
    expect((await client(server.url).get("/api/catalog/items/p0001?catalog=demo-2000")).body.id).toBe("p0001");
    const unknown = await client(server.url).get("/api/catalog?catalog=nope");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("no catalog `nope`; this server has `ml-latest-small`, `demo-2000`");
  });

  it("runs each session on its own catalog", async () => {
    const shop = await newUserSession(server.url, { catalog: "demo-2000", catalogUser: "u0001" });
    const movies = await newUserSession(server.url, {});
    const fromShop = (await shop.api.post(`/api/sessions/${shop.sessionId}/commands`, { command: "something red under 50", k: 5 })).body;
    const fromMovies = (await movies.api.post(`/api/sessions/${movies.sessionId}/commands`, { command: "comedies from the 90s", k: 5 })).body;
    expect(fromShop.feed.map((i: { id: string }) => i.id).every((id: string) => /^p\d{4}$/.test(id))).toBe(true);
    expect(fromShop.feed.every((i: { attributes: { price: number } }) => i.attributes.price <= 50)).toBe(true);
    expect(fromMovies.feed.every((i: { attributes: { genre: string[] } }) => i.attributes.genre.includes("Comedy"))).toBe(true);
    expect((await shop.api.get(`/api/sessions/${shop.sessionId}`)).body).toMatchObject({ catalog: "demo-2000", feed: expect.any(Array) });
    const wrongUser = await shop.api.post("/api/sessions", { catalog: "demo-2000", catalogUser: "42" });
    expect(wrongUser.body.error.message).toMatch(/has no user `42`/);
  });
});
