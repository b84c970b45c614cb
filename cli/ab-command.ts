import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ExperimentMetricId } from "../experiments/metrics/metric-catalog.ts";
import { simulateExperiment, type SimulatedVariant } from "../experiments/simulated/simulate-experiment.ts";
import type { SimulationResult } from "../experiments/simulated/simulation-result.ts";
import type { GraphSpec } from "../graphs/graph-spec.ts";
import { GraphSpecError } from "../graphs/graph-spec-error.ts";
import { validateSpec } from "../graphs/validate-spec.ts";
import { createProgress } from "../models/progress.ts";
import type { Scenario } from "../schemas/simulated-session.ts";
import { prepareHeldOut } from "../simulation/held-out-context.ts";

/** A malformed `--variant`: reported as a usage error. */
export class VariantOptionError extends Error {
  override readonly name = "VariantOptionError";
}

/** One `--variant NAME=FILE[,FILE]` (no files: the default graphs) as a variant with its graph specs, read and validated. */
export function readVariantOption(raw: string): SimulatedVariant {
  const at = raw.indexOf("=");
  const name = (at < 0 ? raw : raw.slice(0, at)).trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) {
    throw new VariantOptionError(`--variant takes NAME=FILE[,FILE] with a name of letters, digits, _ . -; got "${raw}"`);
  }
  const files = at < 0 ? [] : raw.slice(at + 1).split(",").map((f) => f.trim()).filter(Boolean);
  const variant: SimulatedVariant = { name, weight: 1 };
  for (const file of files) {
    let spec: GraphSpec;
    try {
      spec = validateSpec(JSON.parse(readFileSync(file, "utf8"))).spec;
    } catch (e) {
      const why = e instanceof GraphSpecError ? e.message : `not a readable JSON graph spec (${(e as Error).message})`;
      throw new VariantOptionError(`--variant ${name}: ${file}: ${why}`);
    }
    if (variant[spec.kind]) throw new VariantOptionError(`--variant ${name}: more than one ${spec.kind} graph (${file} is the second)`);
    variant[spec.kind] = spec;
  }
  return variant;
}

/** Every `--variant`, the first being the control; at least two, with distinct names. */
export function readVariantOptions(raws: readonly string[]): SimulatedVariant[] {
  if (raws.length < 2) throw new VariantOptionError(`\`recbot ab\` needs at least two --variant NAME=FILE[,FILE] (the first is the control), got ${raws.length}`);
  const variants = raws.map(readVariantOption);
  const names = variants.map((v) => v.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new VariantOptionError(`--variant names must be distinct; "${twice}" is given twice`);
  return variants;
}

export interface AbCommandOptions {
  variants: SimulatedVariant[];
  primary: ExperimentMetricId;
  scenario: Scenario;
  sessions: number;
  seed: number;
  k: number;
  out: string;
  dataDir?: string;
  skipBadLines?: boolean;
  progress?: boolean;
  log?: (message: string) => void;
}

/**
 * `recbot ab`: holds out targets, trains the models without them, runs every simulated user under every variant
 * (the first is the control) and writes the result to `<out>/ab.json`.
 */
export async function runAbCommand(ref: string, options: AbCommandOptions): Promise<SimulationResult> {
  const { ctx, cases } = await prepareHeldOut(ref, options);
  const progress = createProgress(options.progress ?? true);
  const result = await simulateExperiment({
    ctx, cases, variants: options.variants, control: options.variants[0].name, primary: options.primary, sessions: options.sessions,
    scenario: options.scenario, seed: options.seed, k: options.k, progress: (done, total) => {
      if (done === 1) progress.phase("simulated A/B", total);
      progress.update(done);
    },
  });
  progress.done();
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, "ab.json"), JSON.stringify(result, null, 2) + "\n");
  return result;
}
