import { readFileSync } from "node:fs";
import type { GraphKind, GraphSpec } from "./graph-spec.ts";
import { validateSpec } from "./validate-spec.ts";

const FILES: Record<GraphKind, URL> = {
  parser: new URL("./specs/parser.default.json", import.meta.url),
  planner: new URL("./specs/planner.default.json", import.meta.url),
};

/** The shipped spec of an agent, read from graphs/specs and fully validated (a fresh copy each call). */
export function defaultSpec(kind: GraphKind): GraphSpec {
  const { spec } = validateSpec(JSON.parse(readFileSync(FILES[kind], "utf8")));
  if (spec.kind !== kind) throw new Error(`${FILES[kind].pathname} holds a ${spec.kind} graph, expected ${kind}`);
  return spec;
}

export const defaultParserSpec = (): GraphSpec => defaultSpec("parser");

/** The shipped Parser that asks an OpenAI-compatible model (with the offline parser as its fallback). */
export function llmParserSpec(): GraphSpec {
  const file = new URL("./specs/parser.llm.json", import.meta.url);
  return validateSpec(JSON.parse(readFileSync(file, "utf8"))).spec;
}
export const defaultPlannerSpec = (): GraphSpec => defaultSpec("planner");
