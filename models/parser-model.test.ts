import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configuredParserModel, readParserModel, SHIPPED_PARSER_MODEL } from "./parser-model.ts";

const dir = mkdtempSync(join(tmpdir(), "recbot-parser-model-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("parser model artefacts", () => {
  it("ships a valid model, used unless RECBOT_PARSER_MODEL says otherwise", () => {
    const shipped = readParserModel(SHIPPED_PARSER_MODEL);
    expect(shipped.cues.length).toBeGreaterThan(0);
    expect(configuredParserModel({})?.version).toBe(shipped.version);
    expect(configuredParserModel({ RECBOT_PARSER_MODEL: "none" })).toBeUndefined();
    const other = file("other.json", JSON.stringify({ ...shipped, cues: [], version: "pm-0123456789ab" }));
    expect(configuredParserModel({ RECBOT_PARSER_MODEL: other })?.version).toBe("pm-0123456789ab");
  });

  it("refuses unreadable, non-JSON and malformed files, naming the file and the field", () => {
    expect(() => readParserModel(join(dir, "missing.json"))).toThrow(/missing\.json: cannot read it \(ENOENT\)/);
    expect(() => readParserModel(file("broken.json", "{ not json"))).toThrow(/broken\.json: not JSON/);
    const shipped = readParserModel(SHIPPED_PARSER_MODEL);
    const badCue = file("bad-cue.json", JSON.stringify({ ...shipped, cues: [{ phrase: "Keep  Away", kind: "neg-hard", support: 3, purity: 1 }] }));
    expect(() => readParserModel(badCue)).toThrow(/bad-cue\.json: field cues\.0\.phrase: lower-case words separated by single spaces/);
    const future = file("future.json", JSON.stringify({ ...shipped, format: 2 }));
    expect(() => readParserModel(future)).toThrow(/future\.json: field format: /);
  });
});
