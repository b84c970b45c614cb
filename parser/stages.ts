import { consolidate } from "./consolidate.ts";
import { extract } from "./extract.ts";
import { ground } from "./ground.ts";
import { normalize } from "./normalize.ts";
import type { ParserStages } from "./parser-state.ts";
import { validate } from "./validate.ts";

/** The offline Parser's five stages, each pure and synchronous (graph nodes call them in this order). */
export const parserStages: ParserStages = { normalize, extract, ground, consolidate, validate };
