import type { Catalog } from "../catalog/catalog.ts";
import { trainCollaborative } from "./collaborative/collaborative-trainer.ts";
import { modelDir, readArtefact, writeArtefact, type CacheWarning } from "./model-cache.ts";
import type { CatalogModels, CollaborativeModel } from "./model-types.ts";
import { createProgress, type Progress } from "./progress.ts";
import { LsaSemanticModel } from "./semantic/semantic-model.ts";
import { trainSemantic, type SemanticArtifacts } from "./semantic/semantic-trainer.ts";

export interface LoadModelsOptions {
  /** root of the model cache; default $RECBOT_DATA_DIR, else ./recbot-data */
  dataDir?: string;
  /** show a progress bar on stderr while training (only when stderr is a TTY); default true */
  progress?: boolean;
  /** where cache problems are reported; default console.warn */
  warn?: CacheWarning;
}

interface SemanticExtra {
  dim: number;
  size: number;
  vocabulary: string[];
}
interface CollaborativeExtra {
  algorithm: string;
  dim: number;
  size: number;
}

async function cachedSemantic(dir: string, catalog: Catalog, warn: CacheWarning): Promise<SemanticArtifacts | null> {
  const hit = await readArtefact<SemanticExtra>(dir, "semantic", warn);
  if (!hit) return null;
  const { dim, size, vocabulary } = hit.extra;
  const [items, tokenVectors, idf] = hit.arrays;
  const v = vocabulary?.length ?? -1;
  if (size !== catalog.size || items?.length !== size * dim || tokenVectors?.length !== v * dim || idf?.length !== v) {
    warn(`model cache ${dir}/semantic.json does not match the catalog: rebuilding`);
    return null;
  }
  return { dim, items, vocabulary, tokenVectors, idf };
}

async function cachedCollaborative(dir: string, catalog: Catalog, warn: CacheWarning): Promise<CollaborativeModel | null> {
  const hit = await readArtefact<CollaborativeExtra>(dir, "collaborative", warn);
  if (!hit) return null;
  const { algorithm, dim, size } = hit.extra;
  const [items, popularity] = hit.arrays;
  if (size !== catalog.size || items?.length !== size * dim || popularity?.length !== size) {
    warn(`model cache ${dir}/collaborative.json does not match the catalog: rebuilding`);
    return null;
  }
  return { algorithm, dim, items, popularity };
}

async function buildSemantic(dir: string, catalog: Catalog, progress: Progress): Promise<SemanticArtifacts> {
  const a = trainSemantic(catalog, { progress });
  const extra: SemanticExtra = { dim: a.dim, size: catalog.size, vocabulary: a.vocabulary };
  await writeArtefact(dir, "semantic", [a.items, a.tokenVectors, a.idf], extra);
  return a;
}

async function buildCollaborative(dir: string, catalog: Catalog, progress: Progress): Promise<CollaborativeModel> {
  const model = trainCollaborative(catalog, progress);
  const extra: CollaborativeExtra = { algorithm: model.algorithm, dim: model.dim, size: catalog.size };
  await writeArtefact(dir, "collaborative", [model.items, model.popularity], extra);
  return model;
}

/**
 * The catalog's semantic and collaborative models: read from `<dataDir>/models/<contentHash>/` when a
 * valid cache is there, otherwise trained and saved. `fromCache` is true only when nothing was trained.
 */
export async function loadCatalogModels(
  catalog: Catalog,
  options: LoadModelsOptions = {},
): Promise<CatalogModels & { fromCache: boolean; buildMs: number }> {
  const started = performance.now();
  const dir = modelDir(catalog, options.dataDir);
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const progress = createProgress(options.progress ?? true);
  let fromCache = true;
  let semantic = await cachedSemantic(dir, catalog, warn);
  if (!semantic) {
    fromCache = false;
    semantic = await buildSemantic(dir, catalog, progress);
  }
  let collaborative = await cachedCollaborative(dir, catalog, warn);
  if (!collaborative) {
    fromCache = false;
    collaborative = await buildCollaborative(dir, catalog, progress);
  }
  return {
    semantic: new LsaSemanticModel(semantic, catalog),
    collaborative,
    fromCache,
    buildMs: performance.now() - started,
  };
}
