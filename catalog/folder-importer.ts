import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { z } from "zod";
import { AttributeSpec, CatalogSchema, ItemRecord, RESERVED_ATTRIBUTES } from "../schemas/catalog-schema.ts";
import type { Catalog } from "./catalog.ts";
import { CatalogBuilder, type ItemProblem } from "./catalog-builder.ts";
import { CatalogError, type LineProblem } from "./catalog-error.ts";
import { contentHash } from "./content-hash.ts";
import { parseDecimal, readCsvTable } from "./csv.ts";
import { SchemaInferrer, type InferredSchema } from "./infer-schema.ts";
import { isFile, readLines, requireFile } from "./line-reader.ts";

/** Bump when the import rules change, so caches keyed by the content hash are rebuilt. */
const IMPORTER_VERSION = "folder-importer/1";
const FOLDER_HINT = "a catalog folder holds items.jsonl (one JSON item per line), optionally schema.json and interactions.csv";

/**
 * Reads a catalog folder in the generic format (shared/spec/catalog.md). Every malformed line is returned as a
 * problem and left out of the catalog; the caller decides whether problems fail the load. Files are only read.
 */
export async function importFolder(dir: string, ref: string): Promise<{ catalog: Catalog; problems: LineProblem[] }> {
  const itemsPath = join(dir, "items.jsonl");
  const schemaPath = join(dir, "schema.json");
  const interactionsPath = join(dir, "interactions.csv");
  await requireFile(itemsPath, FOLDER_HINT);
  const hasSchema = await isFile(schemaPath);
  const hasInteractions = await isFile(interactionsPath);

  const inferred = hasSchema ? undefined : await inferSchema(itemsPath);
  const schema = inferred ? inferred.schema : await readSchemaFile(schemaPath);
  const builder = new CatalogBuilder({ ref, name: basename(resolve(dir)), schema });
  const problems: LineProblem[] = [];
  const lineOfId = new Map<string, number>();
  const refusedIds = new Map<string, number>();

  await readLines(itemsPath, (text, line) => {
    const parsed = parseItemLine(text);
    if (parsed === null) return;
    const refused = "record" in parsed ? builder.addItem(parsed.record) : parsed.problems;
    if (refused.length === 0 && "record" in parsed) {
      lineOfId.set(parsed.record.id, line);
      return;
    }
    const id = "record" in parsed ? parsed.record.id : parsed.id;
    if (id !== undefined && !lineOfId.has(id) && !refusedIds.has(id)) refusedIds.set(id, line);
    for (const p of refused) problems.push({ file: itemsPath, line, field: p.field || undefined, reason: explain(p, parsed, lineOfId, inferred) });
  });

  if (hasInteractions) {
    await readInteractions(interactionsPath, builder, problems, (id) =>
      refusedIds.has(id) ? `item id "${id}" is on a bad line of items.jsonl (line ${refusedIds.get(id)})` : `unknown item id "${id}" (not in items.jsonl)`,
    );
  }
  const hash = await contentHash(IMPORTER_VERSION, [
    { name: "items.jsonl", path: itemsPath },
    { name: "schema.json", path: hasSchema ? schemaPath : null },
    { name: "interactions.csv", path: hasInteractions ? interactionsPath : null },
  ]);
  return { catalog: builder.build(hash), problems };
}

/** A parsed line, or its problems and, when it has a usable one, its id (to explain interactions that cite it). */
type ItemLine = { record: ItemRecord } | { problems: ItemProblem[]; id?: string } | null;

/** One items.jsonl line as a record, or why it is not one; null for a blank line. */
function parseItemLine(text: string): ItemLine {
  if (text.trim() === "") return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [{ field: "", reason: `invalid JSON: ${(error as Error).message}` }] };
  }
  const parsed = ItemRecord.safeParse(json);
  if (parsed.success) return { record: parsed.data };
  const id = (json as { id?: unknown } | null)?.id;
  return { problems: parsed.error.issues.map((issue) => describeIssue(issue, json)), id: typeof id === "string" && id !== "" ? id : undefined };
}

/** The builder's reason, with where to look: the first line of a duplicate id, or the lines a type was inferred from. */
function explain(p: ItemProblem, parsed: ItemLine, lineOfId: Map<string, number>, inferred?: InferredSchema): string {
  if (p.field === "id" && parsed && "record" in parsed && lineOfId.has(parsed.record.id)) {
    return `${p.reason} (first on line ${lineOfId.get(parsed.record.id)})`;
  }
  const evidence = inferred && p.field.startsWith("attributes.") ? inferred.evidence.get(p.field.slice("attributes.".length)) : undefined;
  if (!evidence || !p.reason.startsWith("must be")) return p.reason;
  const lines = evidence.lines === 1 ? `line ${evidence.line}` : `${evidence.lines} lines, first line ${evidence.line}`;
  return `${p.reason} (no schema.json: its type was inferred from ${lines})`;
}

async function inferSchema(itemsPath: string): Promise<InferredSchema> {
  const inferrer = new SchemaInferrer();
  await readLines(itemsPath, (text, line) => {
    const parsed = parseItemLine(text);
    if (parsed && "record" in parsed) inferrer.observe(parsed.record.attributes, line);
  });
  const inferred = inferrer.result();
  for (const name of RESERVED_ATTRIBUTES) {
    const evidence = inferred.evidence.get(name);
    if (evidence) throw new CatalogError("BAD_SCHEMA", `${itemsPath}:${evidence.line}: ${reservedReason(name)}`);
  }
  return inferred;
}

async function readSchemaFile(path: string): Promise<CatalogSchema> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, { encoding: "utf8", flag: "r" }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).syscall) throw new CatalogError("FILE_UNREADABLE", `cannot read ${path}: ${(error as Error).message}`);
    throw new CatalogError("BAD_SCHEMA", `${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = CatalogSchema.safeParse(json);
  const issues = [...(parsed.success ? [] : parsed.error.issues.map((issue) => describeIssue(issue, json))), ...schemaExtras(json)];
  if (issues.length > 0) {
    throw new CatalogError("BAD_SCHEMA", `${path}: ${issues.map((i) => (i.field ? `field \`${i.field}\`: ${i.reason}` : i.reason)).join("; ")}`);
  }
  return parsed.data as CatalogSchema;
}

/** What zod lets through but a schema.json author would want to hear about: typos in keys, reserved names, nonsense. */
function schemaExtras(json: unknown): ItemProblem[] {
  const out: ItemProblem[] = [];
  const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);
  if (!isObject(json)) return out;
  for (const key of Object.keys(json)) {
    if (!(key in CatalogSchema.shape)) out.push({ field: key, reason: `unknown key (schema.json holds "attributes")` });
  }
  if (!isObject(json.attributes)) return out;
  for (const [name, spec] of Object.entries(json.attributes)) {
    const field = `attributes.${name}`;
    if ((RESERVED_ATTRIBUTES as readonly string[]).includes(name)) out.push({ field, reason: reservedReason(name) });
    if (!isObject(spec)) continue;
    for (const key of Object.keys(spec)) {
      if (!(key in AttributeSpec.shape)) out.push({ field: `${field}.${key}`, reason: `unknown key (an attribute takes ${Object.keys(AttributeSpec.shape).join(", ")})` });
    }
    if (spec.type === "number" && (spec.multi || spec.open)) out.push({ field, reason: "`multi` and `open` apply to categories only" });
  }
  return out;
}

function reservedReason(name: string): string {
  return `attribute name "${name}" is reserved (${RESERVED_ATTRIBUTES.join(", ")} name other kinds of constraint); rename it`;
}

async function readInteractions(path: string, builder: CatalogBuilder, problems: LineProblem[], unknownItem: (id: string) => string): Promise<void> {
  await readCsvTable(path, { required: ["user_id", "item_id"], optional: ["rating", "timestamp"] }, problems, (row) => {
    const before = problems.length;
    const user = row.cell("user_id").trim();
    const item = row.cell("item_id").trim();
    if (user === "") row.problem("is empty", "user_id");
    if (!builder.hasItem(item)) row.problem(item === "" ? "is empty" : unknownItem(item), "item_id");
    const rating = optionalNumber(row.cell("rating"), "rating", row.problem);
    const time = optionalTime(row.cell("timestamp"), row.problem);
    if (problems.length === before) builder.addInteraction(user, item, rating, time);
  });
}

function optionalNumber(cell: string, field: string, problem: (reason: string, field: string) => void): number {
  if (cell.trim() === "") return Number.NaN;
  const value = parseDecimal(cell);
  if (value === undefined) problem(`must be a number, got ${JSON.stringify(cell)}`, field);
  return value ?? Number.NaN;
}

/** Seconds since 1970, or an ISO 8601 date converted to them; empty means no timestamp. */
function optionalTime(cell: string, problem: (reason: string, field: string) => void): number {
  if (cell.trim() === "") return Number.NaN;
  const seconds = parseDecimal(cell);
  if (seconds !== undefined) return seconds;
  const ms = /^\d{4}-\d{2}-\d{2}/.test(cell.trim()) ? Date.parse(cell.trim()) : Number.NaN;
  if (Number.isNaN(ms)) problem(`must be seconds since 1970 or an ISO 8601 date, got ${JSON.stringify(cell)}`, "timestamp");
  return ms / 1000;
}

/** A zod issue as a field path and a reason a person can act on, e.g. `attributes.price`: must be a number, got "cheap". */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): ItemProblem {
  const value = issue.path.reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined), input);
  const field = issue.path.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i > 0 ? "." : ""}${String(k) || '""'}`)).join("");
  const got = `got ${show(value)}`;
  switch (issue.code) {
    case "invalid_type":
      return { field, reason: value === undefined ? "is required" : `must be ${noun(issue.expected)}, ${got}` };
    case "invalid_union": {
      const options = issue.errors.map((branch) => (branch[0]?.path.length ? `an array of ${branch[0].code === "invalid_type" ? `${branch[0].expected}s` : "values"}` : noun(branch[0]?.code === "invalid_type" ? branch[0].expected : "value")));
      return { field, reason: `must be ${options.slice(0, -1).join(", ")} or ${options.at(-1)}, ${got}` };
    }
    case "too_small":
      return { field, reason: issue.origin === "string" && issue.minimum === 1 ? "must not be empty" : issue.message };
    case "invalid_value":
      return { field, reason: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, ${got}` };
    case "invalid_key":
      return { field, reason: "this name is not allowed (names must not be empty)" };
    default:
      return { field, reason: issue.message };
  }
}

function noun(expected: string): string {
  const nouns: Record<string, string> = { object: "an object", record: "an object", array: "an array", boolean: "true or false", value: "a value" };
  return nouns[expected] ?? `a ${expected}`;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
