import { CatalogError, type LineProblem } from "./catalog-error.ts";
import { readLines } from "./line-reader.ts";

/** What one CSV record turned out to be: its fields, or why it cannot be read. `line` is where it starts. */
export type CsvRecord = { ok: true; line: number; fields: string[] } | { ok: false; line: number; reason: string };

const INCOMPLETE = Symbol("incomplete");

/**
 * Streams the records of an RFC 4180 CSV file (quoted fields, "" escapes, quoted line breaks, CRLF or LF).
 * Blank lines between records are ignored. A quote inside an unquoted field is kept as a literal character,
 * as most writers produce it; text after a closing quote, or a quote left open at the end of the file, is a bad
 * record reported with the line it starts on.
 */
export async function readCsv(path: string, onRecord: (record: CsvRecord) => void): Promise<void> {
  let pending: string | null = null;
  let startLine = 0;
  await readLines(path, (text, line) => {
    if (pending === null) {
      if (text.length === 0) return;
      startLine = line;
    }
    const record: string = pending === null ? text : `${pending}\n${text}`;
    const parsed = splitRecord(record);
    if (parsed === INCOMPLETE) {
      pending = record;
      return;
    }
    pending = null;
    onRecord(typeof parsed === "string" ? { ok: false, line: startLine, reason: parsed } : { ok: true, line: startLine, fields: parsed });
  });
  if (pending !== null) onRecord({ ok: false, line: startLine, reason: "quoted field is never closed (unbalanced \")" });
}

/** The fields of one record, a reason string when it is malformed, or INCOMPLETE when a quoted field goes on. */
function splitRecord(text: string): string[] | string | typeof INCOMPLETE {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = "";
      let start = ++i;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) return INCOMPLETE;
        if (text.charCodeAt(quote + 1) === 34) {
          value += text.slice(start, quote + 1);
          i = start = quote + 2;
          continue;
        }
        value += text.slice(start, quote);
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i === text.length) return fields;
      if (text[i] !== ",") return `unexpected text after the closing quote of column ${fields.length}: ${JSON.stringify(text.slice(i, i + 20))}`;
      i++;
    } else {
      const comma = text.indexOf(",", i);
      if (comma < 0) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** A data row of a CSV table, handed to the caller's callback (the same object is reused for every row). */
export interface CsvRow<C extends string> {
  line: number;
  /** the raw cell of a column; "" for an optional column the header lacks */
  cell(name: C): string;
  /** records a problem with this row; `field` is a column name */
  problem(reason: string, field?: string): void;
}

/**
 * Streams a CSV file whose header row names its columns (`required` ones in any order, `optional` ones possibly
 * absent). Malformed records and rows with the wrong number of cells become problems and are not handed on; a
 * header that cannot be mapped throws BAD_LINE, since no row of the file can be read then.
 */
export async function readCsvTable<C extends string>(
  path: string,
  columns: { required: readonly C[]; optional?: readonly C[] },
  problems: LineProblem[],
  onRow: (row: CsvRow<C>) => void,
): Promise<void> {
  let index: Partial<Record<C, number>> | undefined;
  let names = "";
  let width = 0;
  let fields: string[] = [];
  const row: CsvRow<C> = {
    line: 0,
    cell: (name) => {
      const position = index?.[name];
      return position === undefined ? "" : fields[position];
    },
    problem: (reason, field) => void problems.push({ file: path, line: row.line, field, reason }),
  };
  await readCsv(path, (record) => {
    row.line = record.line;
    if (!index) {
      const header = record.ok ? mapHeader(record.fields, columns.required, columns.optional) : record;
      if (!header.ok) throw new CatalogError("BAD_LINE", `${path}:${record.line}: ${header.reason}`, [{ file: path, line: record.line, reason: header.reason }]);
      index = header.index;
      const headerFields = (record as { fields: string[] }).fields;
      names = headerFields.map((name) => name.trim()).join(",");
      width = headerFields.length;
      return;
    }
    if (!record.ok) return row.problem(record.reason);
    fields = record.fields;
    if (fields.length !== width) return row.problem(`expected ${width} columns (${names}), got ${fields.length}`);
    onRow(row);
  });
  if (!index) throw new CatalogError("BAD_LINE", `${path}: the file is empty; it needs a header row naming its columns`, [{ file: path, line: 1, reason: "missing header row" }]);
}

/**
 * Maps a header row to column positions. Every `required` column must be named, columns may come in any order,
 * and a column that is neither required nor `optional` is refused (a typo would otherwise drop data silently).
 * Returns the positions by name, or the reason the header is unusable.
 */
function mapHeader<C extends string>(
  header: string[],
  required: readonly C[],
  optional: readonly C[] = [],
): { ok: true; index: Partial<Record<C, number>> } | { ok: false; reason: string } {
  const known = new Set<string>([...required, ...optional]);
  const index: Record<string, number> = {};
  const expected = `${required.join(",")}${optional.map((o) => `[,${o}]`).join("")}`;
  for (const [position, raw] of header.entries()) {
    const name = raw.trim();
    if (!known.has(name)) return { ok: false, reason: `unknown column "${name}" in the header (expected ${expected})` };
    if (name in index) return { ok: false, reason: `column "${name}" appears twice in the header` };
    index[name] = position;
  }
  const missing = required.filter((name) => !(name in index));
  if (missing.length > 0) return { ok: false, reason: `header lacks column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (expected ${expected})` };
  return { ok: true, index: index as Partial<Record<C, number>> };
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const WHOLE = /^\d+$/;

/** A cell holding a decimal number, or undefined ("", " ", "0x10" and "Infinity" are not numbers here). */
export function parseDecimal(cell: string): number | undefined {
  const text = cell.trim();
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** A cell holding a non-negative whole number written in digits, or undefined. */
export function parseWhole(cell: string): number | undefined {
  const text = cell.trim();
  return WHOLE.test(text) ? Number(text) : undefined;
}
