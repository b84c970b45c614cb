import { AttributeIndex } from "../catalog/attribute-index.ts";
import type { Catalog } from "../catalog/catalog.ts";
import { EmbeddingMatrix } from "../models/embedding-matrix.ts";
import type { CatalogModels } from "../models/model-types.ts";
import { configuredParserModel } from "../models/parser-model.ts";
import type { ParserModel } from "../schemas/parser-model.ts";

/** Everything a tool may read besides the state; built once per catalog and shared by every turn. */
export interface ToolContext {
  catalog: Catalog;
  index: AttributeIndex;
  models: CatalogModels;
  semantic: EmbeddingMatrix;
  collaborative: EmbeddingMatrix;
  /** [semantic | collaborative] rows side by side: both spaces scored in one pass */
  joint: EmbeddingMatrix;
  /** the offline Parser's learned cue phrases and value aliases, if any (`recbot distill`) */
  parserModel?: ParserModel;
}

/** Builds the attribute index and the SIMD-scannable matrices of both models (and their joint one). */
export function createToolContext(catalog: Catalog, models: CatalogModels, parserModel: ParserModel | undefined = configuredParserModel()): ToolContext {
  const { semantic, collaborative } = models;
  if (semantic.items.length !== catalog.size * semantic.dim)
    throw new Error(`semantic model has ${semantic.items.length / semantic.dim} items, catalog has ${catalog.size}`);
  if (collaborative.items.length !== catalog.size * collaborative.dim)
    throw new Error(`collaborative model has ${collaborative.items.length / collaborative.dim} items, catalog has ${catalog.size}`);
  const semanticMatrix = new EmbeddingMatrix(catalog.size, semantic.dim, semantic.items);
  const collaborativeMatrix = new EmbeddingMatrix(catalog.size, collaborative.dim, collaborative.items);
  return {
    catalog,
    index: new AttributeIndex(catalog),
    models,
    semantic: semanticMatrix,
    collaborative: collaborativeMatrix,
    joint: EmbeddingMatrix.joint([semanticMatrix, collaborativeMatrix]),
    parserModel,
  };
}
