import type { Catalog } from "../catalog/catalog.ts";
import { loadCatalog } from "../catalog/load-catalog.ts";
import { loadCatalogModels } from "../models/build-models.ts";
import type { Scenario } from "../schemas/simulated-session.ts";
import { createToolContext, type ToolContext } from "../tools/tool-context.ts";
import { holdOut, type HeldOutCase } from "./holdout.ts";
import { SCENARIOS } from "./scenarios.ts";

export interface HeldOutContext {
  training: Catalog;
  cases: HeldOutCase[];
  /** tools and models over the training catalog, which never saw a target */
  ctx: ToolContext;
}

/** Loads a catalog, holds out the scenario's targets, and trains (or reads cached) models without them. */
export async function prepareHeldOut(
  ref: string,
  options: { scenario: Scenario; dataDir?: string; skipBadLines?: boolean; progress?: boolean; log?: (message: string) => void },
): Promise<HeldOutContext> {
  const { catalog } = await loadCatalog(ref, { skipBadLines: options.skipBadLines });
  const { training, cases } = holdOut(catalog, { targets: SCENARIOS[options.scenario].targets });
  options.log?.(`${cases.length.toLocaleString("en")} users with enough history; training models without their targets`);
  const models = await loadCatalogModels(training, { dataDir: options.dataDir, progress: options.progress });
  return { training, cases, ctx: createToolContext(training, models) };
}
