import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LineProblem } from "./catalog-error.ts";
import { type CsvRecord, parseDecimal, parseWhole, readCsv, readCsvTable } from "./csv.ts";

const dir = mkdtempSync(join(tmpdir(), "csv-"));
function file(content: string): string {
  const path = join(dir, `f${Math.random()}.csv`);
  writeFileSync(path, content);
  return path;
}
async function records(content: string): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  await readCsv(file(content), (r) => out.push(r));
  return out;
}

describe("readCsv", () => {
  it("reads RFC 4180 quoting: commas, doubled quotes, empty and quoted line breaks", async () => {
    const out = await records('1,"American President, The (1995)",x\r\n2,"""artsy""",\r\n3,"two\nlines",z\n\n4,a"b,c\n');
    expect(out).toEqual([
      { ok: true, line: 1, fields: ["1", "American President, The (1995)", "x"] },
      { ok: true, line: 2, fields: ["2", '"artsy"', ""] },
      { ok: true, line: 3, fields: ["3", "two\nlines", "z"] },
      { ok: true, line: 6, fields: ["4", 'a"b', "c"] },
    ]);
  });

  it("reports text after a closing quote, and a quote never closed, at the line the record starts", async () => {
    const out = await records('a,b\n"x"y,z\nok,1\n"open,2\nmore\n');
    expect(out[1]).toEqual({ ok: false, line: 2, reason: 'unexpected text after the closing quote of column 1: "y,z"' });
    expect(out[2]).toEqual({ ok: true, line: 3, fields: ["ok", "1"] });
    expect(out[3]).toEqual({ ok: false, line: 4, reason: 'quoted field is never closed (unbalanced ")' });
    expect(out).toHaveLength(4);
  });
});

describe("readCsvTable", () => {
  it("maps columns by header name in any order and reports rows of the wrong width", async () => {
    const problems: LineProblem[] = [];
    const rows: [number, string, string, string][] = [];
    await readCsvTable(file("item_id,rating,user_id\ni1,4,u1\ni2,5\ni3,,u3\n"), { required: ["user_id", "item_id"], optional: ["rating", "timestamp"] }, problems, (row) =>
      rows.push([row.line, row.cell("user_id"), row.cell("item_id"), row.cell("timestamp")]),
    );
    expect(rows).toEqual([[2, "u1", "i1", ""], [4, "u3", "i3", ""]]);
    expect(problems).toEqual([{ file: expect.stringMatching(/\.csv$/), line: 3, field: undefined, reason: "expected 3 columns (item_id,rating,user_id), got 2" }]);
  });

  it("throws BAD_LINE for a header that lacks a required column or names an unknown one", async () => {
    const run = (content: string) => readCsvTable(file(content), { required: ["user_id", "item_id"], optional: ["rating"] }, [], () => {});
    await expect(run("user_id,rating\n")).rejects.toMatchObject({ code: "BAD_LINE", message: expect.stringContaining(":1: header lacks column item_id (expected user_id,item_id[,rating])") });
    await expect(run("user_id,item_id,ratng\n")).rejects.toMatchObject({ code: "BAD_LINE", message: expect.stringContaining('unknown column "ratng"') });
    await expect(run("")).rejects.toMatchObject({ code: "BAD_LINE", message: expect.stringContaining("needs a header row") });
  });
});

describe("cell parsers", () => {
  it("accept plain decimals and digits only", () => {
    expect(["4.5", " 3 ", "-1e2", ".5"].map(parseDecimal)).toEqual([4.5, 3, -100, 0.5]);
    expect(["", " ", "0x10", "Infinity", "1e999", "4,5", "abc"].map(parseDecimal)).toEqual(Array(7).fill(undefined));
    expect(["964982703", "0"].map(parseWhole)).toEqual([964982703, 0]);
    expect(["-1", "1.5", "", "1e3"].map(parseWhole)).toEqual(Array(4).fill(undefined));
  });
});
