import { beforeAll, describe, expect, it } from "vitest";
import { booksContext, parse, prefs } from "../parser/test-catalogs.ts";
import { emptyPreferences, type Preferences } from "../schemas/preferences.ts";
import type { ParserModel } from "../schemas/parser-model.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { withParserModel } from "./agreement.ts";
import type { LabelledCommand, TeacherLabels } from "./teacher-labels.ts";
import { trainParserModel } from "./train-parser-model.ts";

let rules: ToolContext;
beforeAll(async () => {
  rules = withParserModel(await booksContext(), undefined);
});

const labelled = (command: string, label: Preferences, n: number): LabelledCommand => ({ session: `s${n}`, turn: 0, command, feed: [], memory: emptyPreferences(), label });
const banned = (genre: string) => prefs({ negative: { hard: [{ attribute: "genre", values: [genre] }] } });
const wanted = (genre: string) => prefs({ positive: { hard: [{ attribute: "genre", values: [genre] }] } });
const labels = (examples: LabelledCommand[]): TeacherLabels => ({ teacher: "simulator", examples, dropped: [] });
const train = (examples: LabelledCommand[]) => trainParserModel([{ labels: labels(examples), rules }], { catalogs: ["books"], seed: 1, sessions: examples.length });

const GENRES = ["Horror", "Poetry", "Romance", "Mystery", "Fantasy", "Thriller"];

describe("trainParserModel", () => {
  it("learns a cue phrase the rules lack from labelled values next to it, and the parser then obeys it", () => {
    const examples = GENRES.map((g, i) => labelled(`keep away from ${g}`, banned(g), i));
    expect(parse(rules, "keep away from Cookbook").negative.hard).toEqual([]); // the rules alone miss it
    const { model, log } = train(examples);
    expect(model.cues).toEqual([expect.objectContaining({ phrase: "keep away from", kind: "neg-hard", support: 6, purity: 1 })]);
    expect(log.accepted[0]).toMatch(/^cue "keep away from" → neg-hard/);
    expect(log.rejected).toContain('cue "away from" → neg-hard'); // adds nothing once the longer phrase is in
    expect(parse(withParserModel(rules, model), "keep away from Cookbook").negative.hard).toEqual([{ attribute: "genre", values: ["Cookbook"] }]);
  });

  it("proposes nothing from a phrase the teacher labels both ways", () => {
    const examples = GENRES.map((g, i) => labelled(`gimme ${g}`, i % 2 ? wanted(g) : banned(g), i));
    expect(train(examples).model.cues).toEqual([]);
  });

  it("is reproducible: the same labels give the same version", () => {
    const examples = GENRES.map((g, i) => labelled(`keep away from ${g}`, banned(g), i));
    const [a, b] = [train(examples).model, train(examples).model];
    expect(a.version).toMatch(/^pm-[0-9a-f]{12}$/);
    expect(b.version).toBe(a.version);
    expect(train(examples.slice(0, 3)).model.version).not.toBe(a.version); // too little support: nothing learned, another version
  });

  it("lets hand-written cues outrank learned ones in the same clause", () => {
    const model: ParserModel = { ...train([]).model, cues: [{ phrase: "show me", kind: "pos-soft", support: 9, purity: 1 }] };
    const ctx = withParserModel(rules, model);
    expect(parse(ctx, "show me only Poetry").positive.hard).toEqual([{ attribute: "genre", values: ["Poetry"] }]);
    // the learned cue still opens its own request: "must be ebook and show me Poetry" keeps Poetry soft
    const split = parse(ctx, "must be ebook and show me Poetry");
    expect(split.positive.hard).toEqual([{ attribute: "format", values: ["ebook"] }]);
    expect(split.positive.soft).toEqual([{ attribute: "genre", values: ["Poetry"] }]);
  });
});
