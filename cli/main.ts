import { parseArgs } from "node:util";
import { CatalogError, describeProblem } from "../catalog/catalog-error.ts";
import type { PrepareOptions, PreparedCatalog } from "../runtime/prepared-catalog.ts";
import type { Scenario } from "../schemas/simulated-session.ts";

const USAGE = `Usage: recbot <command> [options]

Commands:
  catalog REF                 print a catalog's size and attribute vocabularies
      --json                  as JSON      --top N   values listed per attribute (default 20)
  recommend --catalog REF     run sessions from JSON Lines (contract: shared/spec/cli.md)
      --in FILE --out FILE    default stdin / stdout
      --k N                   items per feed (default 10)
      --graph FILE            run a saved Parser or Planner graph variant (repeatable)
  parse --catalog REF         commands → consolidated preference memory (JSON Lines)
      --in FILE --out FILE    default stdin / stdout
      --llm                   use the configured OpenAI-compatible model (falls back to the offline parser)
  simulate --catalog REF      simulated user sessions on held-out targets (JSON Lines, schemas/simulated-session.ts)
      --scenario SR|MR|MRID   one compound command, several turns, or interest drift (default MR)
      --sessions N --seed S   how many sessions (default 100), from which seed (default 1)
      --out FILE --k N        default stdout; the target counts as found in the top N (default 10)
  eval --catalog REF          every system on the same simulated sessions → DIR/eval.json and DIR/report.html
      --scenario SR|MR|MRID   (default MR)     --sessions N --seed S   (default 100, 1)
      --graph FILE|NAME@V     also evaluate a Parser or Planner graph variant (repeatable): a JSON file, or a
                              version saved on a server whose --data-dir this is (e.g. planner@2)
      --out DIR --k N         default eval-out; metrics at K (default 10)
  ab --catalog REF            simulated A/B experiment: every simulated user under every variant → DIR/ab.json
      --variant NAME=FILE[,FILE]  a variant's Parser and/or Planner graph specs (none: the defaults); repeat, the
                              first is the control
      --primary METRIC        the metric that decides (default click_through; see experiments/metrics/metric-catalog.ts)
      --scenario SR|MR|MRID   (default MR)     --sessions N --seed S   simulated users (default 200), seed (default 1)
      --out DIR --k N         default ab-out; items per feed (default 10)
  traffic --url URL --catalog REF   simulated shoppers using a running server (commands and feed events over HTTP)
      --users N --seed S      how many (default 50), from which seed (default 1)
      --concurrency N         users in flight at once (default 8); --session-catalog ID: the server's catalog id
  distill --catalog REF[,REF] train the offline parser's learned parts from teacher-labelled simulated sessions
      --scenario LIST         scenarios, comma-separated (default SR,MR,MRID)
      --sessions N --seed S   training sessions (default 300), seed (default 1)
      --held-out N            held-out sessions per scenario, users not trained on (default 50)
      --teacher T             auto (the LLM when configured, else simulator gold) | llm | simulator
      --dev FILE              parser cases (shared/eval format) scored before and after
      --dev-catalog REF       the catalog of those cases (default: --catalog)
      --min-support N         labelled mentions a learned cue needs (default 5)
      --out DIR               default distill-out: parser-model.json, *.chat.jsonl, distill.json

Catalog references: demo | demo:<items> | movielens:<dir> | <dir> (items.jsonl [+ schema.json] [+ interactions.csv])
Common options: --skip-bad-lines (load a catalog without its malformed lines), --data-dir DIR (model cache), --quiet`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      catalog: { type: "string" }, in: { type: "string" }, out: { type: "string" }, k: { type: "string" },
      graph: { type: "string", multiple: true }, variant: { type: "string", multiple: true }, primary: { type: "string" }, scenario: { type: "string" }, "held-out": { type: "string" }, teacher: { type: "string" },
      dev: { type: "string" }, url: { type: "string" }, users: { type: "string" }, concurrency: { type: "string" }, "session-catalog": { type: "string" }, "dev-catalog": { type: "string" }, "min-support": { type: "string" }, sessions: { type: "string" }, seed: { type: "string" }, llm: { type: "boolean" }, json: { type: "boolean" }, top: { type: "string" },
      "skip-bad-lines": { type: "boolean" }, "data-dir": { type: "string" }, quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE + "\n");
    return command || values.help ? 0 : 2;
  }
  const skipBadLines = Boolean(values["skip-bad-lines"]);
  const log = values.quiet ? undefined : (m: string) => process.stderr.write(`recbot: ${m}\n`);
  switch (command) {
    case "catalog": {
      const ref = rest[0] ?? values.catalog;
      if (!ref) throw new UsageError("`recbot catalog` needs a catalog reference, e.g. `recbot catalog demo`");
      const { runCatalog } = await import("./catalog-command.ts");
      await runCatalog(ref, { json: Boolean(values.json), skipBadLines, top: positiveInt(values.top, "--top", 20) });
      return 0;
    }
    case "recommend": {
      if (!values.catalog) throw new UsageError("`recbot recommend` needs --catalog REF");
      const k = positiveInt(values.k, "--k", 10);
      const prepared = await prepare(values.catalog, { skipBadLines, dataDir: values["data-dir"], progress: !values.quiet, log });
      const { runRecommend } = await import("./recommend-command.ts");
      const agents = await agentsFor(prepared, values.graph, false, values["data-dir"]);
      const { lines, errors } = await runRecommend(prepared, { in: values.in, out: values.out, k, agents });
      log?.(`${lines} line${lines === 1 ? "" : "s"} answered${errors ? `, ${errors} with errors` : ""}`);
      return 0;
    }
    case "parse": {
      if (!values.catalog) throw new UsageError("`recbot parse` needs --catalog REF");
      const prepared = await prepare(values.catalog, { skipBadLines, dataDir: values["data-dir"], progress: !values.quiet, log });
      const { runParse } = await import("./parse-command.ts");
      if (values.llm) {
        const { readLlmConfig } = await import("../parser/llm-config.ts");
        readLlmConfig(); // a bad setting is reported before any line is read
      }
      const agents = await agentsFor(prepared, values.graph, Boolean(values.llm), values["data-dir"]);
      const { lines, errors, fallbacks } = await runParse(prepared, { in: values.in, out: values.out, llm: Boolean(values.llm), agents });
      log?.(`${lines} line${lines === 1 ? "" : "s"} parsed${errors ? `, ${errors} with errors` : ""}${fallbacks ? `, ${fallbacks} fell back to the offline parser` : ""}`);
      return 0;
    }
    case "simulate": {
      if (!values.catalog) throw new UsageError("`recbot simulate` needs --catalog REF");
      const scenario = scenarioOption(values.scenario);
      const seed = seedOption(values.seed);
      const { runSimulate } = await import("./simulate-command.ts");
      const { sessions, found } = await runSimulate(values.catalog, {
        scenario, seed, sessions: positiveInt(values.sessions, "--sessions", 100), k: positiveInt(values.k, "--k", 10), out: values.out,
        dataDir: values["data-dir"], skipBadLines, progress: !values.quiet, log,
      });
      log?.(`${sessions} ${scenario} session${sessions === 1 ? "" : "s"} written; target in the final top ${values.k ?? 10} in ${found}`);
      return 0;
    }
    case "eval": {
      if (!values.catalog) throw new UsageError("`recbot eval` needs --catalog REF");
      const scenario = scenarioOption(values.scenario);
      const seed = seedOption(values.seed);
      const { runEvalCommand, summaryTable } = await import("./eval-command.ts");
      const out = values.out ?? "eval-out";
      try {
        const report = await runEvalCommand(values.catalog, {
          scenario, seed, sessions: positiveInt(values.sessions, "--sessions", 100), k: positiveInt(values.k, "--k", 10), out,
          graphFiles: values.graph, dataDir: values["data-dir"], skipBadLines, progress: !values.quiet, log,
        });
        process.stdout.write(summaryTable(report) + "\n");
      } catch (e) {
        if (e instanceof Error && e.name === "GraphSpecError") throw new UsageError(`--graph: ${e.message}`);
        throw e;
      }
      log?.(`wrote ${out}/eval.json and ${out}/report.html`);
      return 0;
    }
    case "ab": {
      if (!values.catalog) throw new UsageError("`recbot ab` needs --catalog REF");
      const scenario = scenarioOption(values.scenario);
      const seed = seedOption(values.seed);
      const { ExperimentMetricId } = await import("../experiments/metrics/metric-catalog.ts");
      const primary = ExperimentMetricId.safeParse(values.primary ?? "click_through");
      if (!primary.success) throw new UsageError(`--primary must be one of ${ExperimentMetricId.options.join(", ")}; got "${values.primary}"`);
      const { readVariantOptions, runAbCommand } = await import("./ab-command.ts");
      let variants;
      try {
        variants = readVariantOptions(values.variant ?? []);
      } catch (e) {
        if (e instanceof Error && e.name === "VariantOptionError") throw new UsageError(e.message);
        throw e;
      }
      const out = values.out ?? "ab-out";
      const result = await runAbCommand(values.catalog, {
        variants, primary: primary.data, scenario, seed, sessions: positiveInt(values.sessions, "--sessions", 200), k: positiveInt(values.k, "--k", 10),
        out, dataDir: values["data-dir"], skipBadLines, progress: !values.quiet, log,
      });
      const { abTable } = await import("./ab-table.ts");
      process.stdout.write(abTable(result) + "\n");
      log?.(`wrote ${out}/ab.json`);
      return 0;
    }
    case "traffic": {
      if (!values.catalog || !values.url) throw new UsageError("`recbot traffic` needs --url URL (a running server) and --catalog REF (the catalog it serves)");
      const { loadCatalog } = await import("../catalog/load-catalog.ts");
      const { driveTraffic } = await import("../traffic/simulated-traffic.ts");
      const { createProgress } = await import("../models/progress.ts");
      const { catalog } = await loadCatalog(values.catalog, { skipBadLines });
      const seed = seedOption(values.seed);
      const summary = await driveTraffic({
        url: values.url.replace(/\/+$/, ""), catalog, catalogId: values["session-catalog"], users: positiveInt(values.users, "--users", 50), seed,
        concurrency: positiveInt(values.concurrency, "--concurrency", 8), k: positiveInt(values.k, "--k", 10), progress: createProgress(!values.quiet),
      });
      const variants = Object.entries(summary.variants).map(([v, n]) => `${v}: ${n}`).join(", ") || "none (no running experiment on that catalog)";
      process.stdout.write(`${summary.users} users, ${summary.commands} commands, ${summary.events} feed events; enrolled per variant: ${variants}\n`);
      for (const f of summary.failures.slice(0, 10)) process.stderr.write(`recbot: ${f}\n`);
      return summary.failures.length > 0 ? 1 : 0;
    }
    case "distill": {
      if (!values.catalog) throw new UsageError("`recbot distill` needs --catalog REF");
      const scenarios = (values.scenario ?? "SR,MR,MRID").split(",").map((x) => scenarioOption(x.trim(), "--scenario takes SR, MR and MRID, comma-separated;"));
      const teacher = values.teacher ?? "auto";
      if (teacher !== "auto" && teacher !== "llm" && teacher !== "simulator") throw new UsageError(`--teacher must be auto, llm or simulator, got "${teacher}"`);
      const seed = seedOption(values.seed);
      const { runDistillCommand, distillSummary } = await import("./distill-command.ts");
      const refs = values.catalog.split(",").map((r) => r.trim()).filter(Boolean);
      const report = await runDistillCommand(refs, {
        scenarios, sessions: positiveInt(values.sessions, "--sessions", 300),
        heldOutSessions: positiveInt(values["held-out"], "--held-out", 50), seed, k: positiveInt(values.k, "--k", 10), teacher,
        out: values.out ?? "distill-out", devFile: values.dev, devCatalog: values["dev-catalog"], minSupport: positiveInt(values["min-support"], "--min-support", 5),
        dataDir: values["data-dir"], skipBadLines, progress: !values.quiet, log,
      });
      process.stdout.write(distillSummary(report) + "\n");
      return 0;
    }
    default:
      throw new UsageError(`unknown command \`${command}\``);
  }
}

/** Commands load only what they use, so `recbot catalog` starts without the models and tools. */
async function prepare(ref: string, options: PrepareOptions): Promise<PreparedCatalog> {
  const { prepareCatalog } = await import("../runtime/prepared-catalog.ts");
  return prepareCatalog(ref, options);
}

/** The compiled default graphs, or the saved variants given with --graph (a bad spec is a usage error). */
async function agentsFor(prepared: PreparedCatalog, files: string[] | undefined, llm = false, dataDir?: string) {
  const { loadAgents } = await import("../runtime/agents.ts");
  try {
    return loadAgents(prepared.context, files, { llm, dataDir });
  } catch (e) {
    if (e instanceof Error && e.name === "GraphSpecError") throw new UsageError(`--graph: ${e.message}`);
    throw e;
  }
}

/** --scenario: SR, MR or MRID (default MR). */
function scenarioOption(raw: string | undefined, says = "--scenario must be SR, MR or MRID,"): Scenario {
  const scenario = raw ?? "MR";
  if (scenario !== "SR" && scenario !== "MR" && scenario !== "MRID") throw new UsageError(`${says} got "${scenario}"`);
  return scenario;
}

/** --seed: a whole number (default 1). */
function seedOption(raw: string | undefined): number {
  const seed = raw === undefined ? 1 : Number(raw);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${raw}"`);
  return seed;
}

function positiveInt(raw: string | undefined, flag: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number, got "${raw}"`);
  return n;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
    process.stderr.write(`recbot: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof Error && error.name === "LlmConfigError") {
    process.stderr.write(`recbot: ${error.message}\n`);
    process.exitCode = 2;
  } else if (error instanceof Error && (error.name === "DevSetError" || error.name === "ParserModelError")) {
    process.stderr.write(`recbot: ${error.message}\n`);
    process.exitCode = 1;
  } else if (error instanceof CatalogError) {
    process.stderr.write(`recbot: ${error.message}\n`);
    if (error.problems.length > 0 && !error.message.includes(describeProblem(error.problems[0])))
      for (const p of error.problems.slice(0, 10)) process.stderr.write(`  ${describeProblem(p)}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
