import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Catalog } from "./catalog.ts";
import { CatalogError, describeProblem, type LineProblem } from "./catalog-error.ts";
import { generateDemoCatalog } from "./demo/demo-catalog.ts";
import { importFolder } from "./folder-importer.ts";
import { importMovieLens } from "./movielens-importer.ts";

export interface LoadOptions {
  /** leave malformed lines out and report them, instead of failing the load */
  skipBadLines?: boolean;
}

export interface LoadResult {
  catalog: Catalog;
  /** how many source lines were left out (only with skipBadLines) */
  skipped: number;
  /** why each was left out; empty when none */
  problems: LineProblem[];
}

export type CatalogRef = { kind: "demo"; items?: number } | { kind: "movielens"; dir: string } | { kind: "folder"; dir: string };

const REF_FORMS = '"demo", "demo:<items>", "movielens:<dir>" or a catalog folder "<dir>"';
/** How many problems a BAD_LINE message spells out; `problems` holds them all. */
const PROBLEMS_IN_MESSAGE = 10;

/** Reads a catalog reference (shared/spec/cli.md) without touching the disk; throws CATALOG_REF_INVALID. */
export function parseCatalogRef(ref: string): CatalogRef {
  const invalid = (why: string) => new CatalogError("CATALOG_REF_INVALID", `catalog reference ${JSON.stringify(ref)} ${why}; use ${REF_FORMS}`);
  if (ref.trim() === "") throw invalid("is empty");
  if (ref === "demo") return { kind: "demo" };
  if (ref.startsWith("demo:")) {
    const items = ref.slice("demo:".length);
    if (!/^[1-9]\d*$/.test(items)) throw invalid("gives no item count after demo: (a positive whole number, e.g. demo:100000)");
    return { kind: "demo", items: Number(items) };
  }
  if (ref.startsWith("movielens:")) {
    const dir = ref.slice("movielens:".length);
    if (dir.trim() === "") throw invalid("names no folder after movielens:");
    return { kind: "movielens", dir };
  }
  // "word:..." is a typo or an unsupported source (a URL); a folder whose name has a colon can be given as
  // ./name:x, and a one-letter drive (C:) is not taken for a prefix.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(ref);
  if (scheme) throw invalid(`has an unknown prefix "${scheme[1]}:"`);
  return { kind: "folder", dir: ref };
}

/**
 * Loads a catalog by reference. A malformed source line fails the load with BAD_LINE listing the problems, unless
 * `skipBadLines` is set: then the good lines load and the result says which lines were left out.
 */
export async function loadCatalog(ref: string, options: LoadOptions = {}): Promise<LoadResult> {
  const parsed = parseCatalogRef(ref);
  if (parsed.kind === "demo") return { catalog: generateDemoCatalog({ items: parsed.items }), skipped: 0, problems: [] };
  await requireFolder(parsed.dir);
  const { catalog, problems } = parsed.kind === "movielens" ? await importMovieLens(parsed.dir, ref) : await importFolder(parsed.dir, ref);
  const skipped = new Set(problems.map((p) => `${p.file}\0${p.line}`)).size;
  if (skipped > 0 && !options.skipBadLines) throw badLines(problems, skipped);
  if (catalog.size === 0) {
    throw new CatalogError("EMPTY_CATALOG", `catalog ${ref} has no items${skipped ? ` (all ${skipped} item lines were bad and skipped)` : ""}`, problems);
  }
  return { catalog, skipped, problems };
}

async function requireFolder(dir: string): Promise<void> {
  const where = dir === resolve(dir) ? dir : `${dir} (${resolve(dir)})`;
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new CatalogError("CATALOG_NOT_FOUND", `cannot open catalog folder ${where}: ${(error as Error).message}`);
    throw new CatalogError("CATALOG_NOT_FOUND", `catalog folder not found: ${where}`);
  }
  throw new CatalogError("CATALOG_NOT_FOUND", `${where} is not a folder; a catalog reference names a folder (${REF_FORMS})`);
}

function badLines(problems: LineProblem[], lines: number): CatalogError {
  const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => `  ${describeProblem(p)}`);
  const more = problems.length > shown.length ? [`  … and ${problems.length - shown.length} more`] : [];
  const header = `${lines} bad line${lines === 1 ? "" : "s"} (${problems.length} problem${problems.length === 1 ? "" : "s"}); fix them, or load with --skip-bad-lines (skipBadLines) to leave them out:`;
  return new CatalogError("BAD_LINE", [header, ...shown, ...more].join("\n"), problems);
}
