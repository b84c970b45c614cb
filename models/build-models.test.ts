import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadCatalogModels } from "./build-models.ts";
import * as collaborative from "./collaborative/collaborative-trainer.ts";
import { modelDir } from "./model-cache.ts";
import { fashionCatalog } from "./test-support/fashion-catalog.ts";

const catalog = fashionCatalog();
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "recbot-models-"));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
});

describe("loadCatalogModels", () => {
  it("trains once, then reloads identical vectors from the cache without retraining", async () => {
    const first = await loadCatalogModels(catalog, { dataDir, progress: false });
    expect(first.fromCache).toBe(false);
    const train = vi.spyOn(collaborative, "trainCollaborative");
    const second = await loadCatalogModels(catalog, { dataDir, progress: false });
    expect(second.fromCache).toBe(true);
    expect(train).not.toHaveBeenCalled();
    expect(second.semantic.items).toEqual(first.semantic.items);
    expect(second.collaborative.items).toEqual(first.collaborative.items);
    expect(second.collaborative.popularity).toEqual(first.collaborative.popularity);
    expect(second.collaborative.algorithm).toBe(first.collaborative.algorithm);
    expect(second.semantic.embedText("cozy knit")).toEqual(first.semantic.embedText("cozy knit"));
    expect(second.semantic.embedValue("style", "office")).toEqual(first.semantic.embedValue("style", "office"));
  });

  it("rebuilds, with a warning, when a cache file is corrupt or from another version", async () => {
    const first = await loadCatalogModels(catalog, { dataDir, progress: false });
    const dir = modelDir(catalog, dataDir);
    const bin = await readFile(path.join(dir, "semantic.bin"));
    bin[10] ^= 0xff;
    await writeFile(path.join(dir, "semantic.bin"), bin);
    const header = JSON.parse(await readFile(path.join(dir, "collaborative.json"), "utf8"));
    await writeFile(path.join(dir, "collaborative.json"), JSON.stringify({ ...header, version: -1 }));
    const warnings: string[] = [];
    const again = await loadCatalogModels(catalog, { dataDir, progress: false, warn: (m) => warnings.push(m) });
    expect(again.fromCache).toBe(false);
    expect(warnings.join("\n")).toMatch(/checksum/);
    expect(warnings.join("\n")).toMatch(/version -1/);
    expect(again.semantic.items).toEqual(first.semantic.items);
    const healed = await loadCatalogModels(catalog, { dataDir, progress: false });
    expect(healed.fromCache).toBe(true);
  });

  it("survives a truncated payload and a garbage header", async () => {
    await loadCatalogModels(catalog, { dataDir, progress: false });
    const dir = modelDir(catalog, dataDir);
    await writeFile(path.join(dir, "collaborative.bin"), new Uint8Array(7));
    await writeFile(path.join(dir, "semantic.json"), "{not json");
    const warnings: string[] = [];
    const again = await loadCatalogModels(catalog, { dataDir, progress: false, warn: (m) => warnings.push(m) });
    expect(again.fromCache).toBe(false);
    expect(warnings).toHaveLength(2);
  });

  it("uses RECBOT_DATA_DIR when no dataDir is given", async () => {
    vi.stubEnv("RECBOT_DATA_DIR", dataDir);
    try {
      expect(modelDir(catalog)).toBe(path.join(dataDir, "models", catalog.contentHash));
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
