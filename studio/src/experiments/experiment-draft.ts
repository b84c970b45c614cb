import { ExperimentDefinition, type ExperimentRecord } from "../../../schemas/experiment.ts";

export type Agent = "parser" | "planner";
/** Which agents a variant pins: one of them, or both. */
export type AgentChoice = Agent | "both";

/** A pinned version as the form holds it: "" until chosen. */
export interface PinDraft {
  name: string;
  version: string;
}

export interface VariantDraft {
  /** React key; stable while rows are added and removed */
  key: number;
  name: string;
  agents: AgentChoice;
  parser: PinDraft;
  planner: PinDraft;
  weight: string;
}

export interface ExperimentDraft {
  name: string;
  description: string;
  catalog: string | null;
  variants: VariantDraft[];
  primaryMetric: string;
  guardrails: string[];
}

let nextKey = 1;
const NO_PIN: PinDraft = { name: "", version: "" };

/** The agents a variant pins, parser first. */
export const pinsOf = (choice: AgentChoice): Agent[] => (choice === "both" ? ["parser", "planner"] : [choice]);

/** A fresh row named after the first unused letter. */
export function newVariant(taken: string[]): VariantDraft {
  const name = [..."ABCDEFGH"].find((letter) => !taken.includes(letter)) ?? `V${nextKey}`;
  return { key: nextKey++, name, agents: "planner", parser: NO_PIN, planner: NO_PIN, weight: "1" };
}

/** An empty definition with the schema's own defaults for the metrics. */
export function newDraft(): ExperimentDraft {
  const a = newVariant([]);
  return {
    name: "",
    description: "",
    catalog: null,
    variants: [a, newVariant([a.name])],
    primaryMetric: ExperimentDefinition.shape.primaryMetric.parse(undefined),
    guardrails: ExperimentDefinition.shape.guardrails.parse(undefined),
  };
}

/** A stored experiment as the form edits it. */
export function draftOf(record: ExperimentRecord): ExperimentDraft {
  const pin = (ref: { name: string; version: number } | undefined): PinDraft => (ref ? { name: ref.name, version: String(ref.version) } : NO_PIN);
  return {
    name: record.name,
    description: record.description,
    catalog: record.catalog,
    primaryMetric: record.primaryMetric,
    guardrails: record.guardrails,
    variants: record.variants.map((v) => ({
      key: nextKey++,
      name: v.name,
      agents: v.graphs.parser && v.graphs.planner ? "both" : v.graphs.parser ? "parser" : "planner",
      parser: pin(v.graphs.parser),
      planner: pin(v.graphs.planner),
      weight: String(v.weight),
    })),
  };
}

/** The request body; the server validates it and names the field of every problem. */
export function definitionOf(draft: ExperimentDraft): unknown {
  return {
    name: draft.name,
    description: draft.description,
    catalog: draft.catalog,
    primaryMetric: draft.primaryMetric,
    guardrails: draft.guardrails,
    variants: draft.variants.map((v) => ({
      name: v.name,
      weight: v.weight.trim() === "" ? undefined : Number(v.weight),
      graphs: Object.fromEntries(pinsOf(v.agents).map((agent) => [agent, { name: v[agent].name, version: v[agent].version === "" ? undefined : Number(v[agent].version) }])),
    })),
  };
}
