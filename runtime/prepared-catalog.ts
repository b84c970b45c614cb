import { loadCatalog, type LoadOptions } from "../catalog/load-catalog.ts";
import type { Catalog } from "../catalog/catalog.ts";
import type { LineProblem } from "../catalog/catalog-error.ts";
import { loadCatalogModels } from "../models/build-models.ts";
import { createToolContext } from "../tools/tool-context.ts";
import type { ToolContext } from "../tools/tool-context.ts";

/** A catalog with its models and indexes, ready to recommend from. */
export interface PreparedCatalog {
  catalog: Catalog;
  context: ToolContext;
  skipped: number;
  problems: LineProblem[];
  timings: { loadMs: number; modelsMs: number; modelsFromCache: boolean };
}

export interface PrepareOptions extends LoadOptions {
  dataDir?: string;
  /** show progress bars on a terminal */
  progress?: boolean;
  /** one line per phase, for logs */
  log?: (message: string) => void;
}

/** Loads a catalog by reference, then its models (from the cache when present) and indexes. */
export async function prepareCatalog(ref: string, options: PrepareOptions = {}): Promise<PreparedCatalog> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  log(`loading catalog ${ref}`);
  const { catalog, skipped, problems } = await loadCatalog(ref, { skipBadLines: options.skipBadLines });
  const loadMs = performance.now() - t0;
  log(`catalog ${catalog.name}: ${catalog.size.toLocaleString("en")} items, ${catalog.interactions.users.length.toLocaleString("en")} users in ${(loadMs / 1000).toFixed(1)} s${skipped ? ` (${skipped} bad lines skipped)` : ""}`);
  const t1 = performance.now();
  const models = await loadCatalogModels(catalog, { dataDir: options.dataDir, progress: options.progress });
  const modelsMs = performance.now() - t1;
  log(`models ${models.fromCache ? "read from cache" : "trained"} in ${(modelsMs / 1000).toFixed(1)} s`);
  const context = createToolContext(catalog, models);
  return { catalog, context, skipped, problems, timings: { loadMs, modelsMs, modelsFromCache: models.fromCache } };
}
