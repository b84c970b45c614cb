import type { Constraint, Strength } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { ACKNOWLEDGEMENTS, ANAPHORA } from "./cue-words.ts";
import type { Delta, Op } from "./delta.ts";
import type { Clause, Mentions } from "./extract.ts";
import { feedItemAt, findNounReference, findTitleReferences } from "./feed-references.ts";
import { FILLER } from "./filler-words.ts";
import { attributeOf, groundNumber } from "./numeric-grounding.ts";
import type { ParserStage } from "./parser-state.ts";
import { relativeRange } from "./relative.ts";
import { stemKey, vocabularyOf, type NumericAttribute, type ValueRef } from "./vocabulary.ts";
import { groundWord, lookupPhrase, lookupPhraseTypo } from "./word-grounding.ts";

/** What one clause grounds to, before polarity and acts are applied. */
interface Grounded {
  categorical: ValueRef[];
  ranges: Constraint[];
  relative: Constraint[];
  items: string[];
  /** attributes named without a value ("forget the year thing") */
  attributes: string[];
  /** content words no attribute expresses, in order */
  leftover: string[];
}

/** Grounds a clause's words against the catalog: feed items, numbers, values (longest run first), attribute names. */
function groundClause(clause: Clause, feed: string[], ctx: ToolContext, notes: string[], sibling?: NumericAttribute): Grounded {
  const vocab = vocabularyOf(ctx);
  const g: Grounded = { categorical: [], ranges: [], relative: [], items: [], attributes: [], leftover: [] };
  const words = [...clause.words];
  const used = new Array<boolean>(words.length).fill(false);
  for (const position of clause.ordinals) {
    const id = feedItemAt(feed, position);
    if (id) g.items.push(id);
    else notes.push(`no feed item at position ${position < 0 ? "last" : position + 1}`);
  }
  for (const ref of findTitleReferences(words, feed, ctx)) {
    g.items.push(ref.id);
    for (let k = ref.start; k < ref.end; k++) used[k] = true;
  }
  for (const noun of clause.refNouns) {
    const id = findNounReference(noun, feed, ctx);
    const at = words.indexOf(noun);
    if (id && at >= 0 && !used[at]) [used[at], g.items[g.items.length]] = [true, id];
  }
  for (const m of clause.numbers) {
    const range = groundNumber(vocab, m, sibling);
    if (range) g.ranges.push(range);
    else notes.push(`number ${m.min ?? m.max} matches no numeric attribute`);
  }
  for (let i = 0; i < words.length; i++) {
    const rel = used[i] ? undefined : relativeRange(ctx, words, i, feed);
    if (rel) for (let k = i; k < i + rel.length; k++) used[k] = true;
    if (rel) g.relative.push(rel.range);
  }
  // values first over the whole clause (longest run first), then attribute names: "for men" is a value, not the synonym
  for (const pass of ["values", "attributes"] as const) {
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(vocab.maxWords + 1, words.length - i); n >= 1; n--) {
        if (anyUsed(used, i, n)) continue;
        const run = words.slice(i, i + n);
        if (pass === "values") {
          const values = lookupPhrase(vocab, run) ?? lookupPhraseTypo(vocab, run);
          if (!values) continue;
          g.categorical.push(...values);
        } else {
          const attribute = vocab.attributeWords.get(run.join("")) ?? vocab.attributeWords.get(stemKey(run));
          if (attribute === undefined) continue;
          if (!g.attributes.includes(attribute)) g.attributes.push(attribute);
        }
        for (let k = i; k < i + n; k++) used[k] = true;
        break;
      }
    }
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // a vague verb after an article is a noun ("a watch", "a show"): it counts when it names a value
    if (!used[i] && FILLER.has(w) && /^(a|an)$/.test(words[i - 1] ?? "") && /^\p{L}{4,}$/u.test(w)) {
      const ref = groundWord(ctx, w);
      if (ref) g.categorical.push(ref);
      continue;
    }
    if (used[i] || FILLER.has(w) || ACKNOWLEDGEMENTS.has(w) || ANAPHORA.has(w) || !/^\p{L}/u.test(w)) continue;
    const ref = groundWord(ctx, w);
    if (ref) g.categorical.push(ref);
    else g.leftover.push(w);
  }
  return g;
}

function anyUsed(used: boolean[], from: number, n: number): boolean {
  for (let k = from; k < from + n; k++) if (used[k]) return true;
  return false;
}

/** Values, ranges or items: an attribute named alone ("leopard print") leaves room for a text intent. */
function hasGrounding(g: Grounded): boolean {
  return g.categorical.length + g.ranges.length + g.relative.length + g.items.length > 0;
}

/** Words a bare cue may come with and still be about the clause before ("comedies, not for me", "war? never"). */
const BARE_CUE_WORDS = new Set(["for", "me", "us", "please", "thanks", "thank", "you", "at", "all", "really", "either", "ever", "again", "though"]);

/** A pronoun object ("don't show it again") or a bare cue with nothing of its own applies to the previous clause. */
function refersBack(clause: Clause): boolean {
  return clause.anaphora || (clause.strength !== undefined && clause.words.every((w) => BARE_CUE_WORDS.has(w)));
}

/** "my feet hurt", "our kids are asleep": the user talking about themselves, not asking for something. */
const NARRATIVE = new Set(["my", "our", "mine"]);

/** Constraints of a grounded clause: categorical values grouped per attribute, then ranges, items and text. */
function constraintsOf(g: Grounded, clause: Clause, ctx: ToolContext, notes: string[]): { constraint: Constraint; numeric: boolean }[] {
  const out: { constraint: Constraint; numeric: boolean }[] = [];
  const byAttribute = new Map<string, string[]>();
  for (const { attribute, value } of g.categorical) {
    const list = byAttribute.get(attribute) ?? [];
    if (!list.includes(value)) list.push(value);
    byAttribute.set(attribute, list);
  }
  for (const [attribute, values] of byAttribute) out.push({ constraint: { attribute, values }, numeric: false });
  for (const range of mergeRanges([...g.ranges, ...g.relative])) out.push({ constraint: range, numeric: true });
  if (g.items.length > 0) out.push({ constraint: { attribute: "item", values: [...new Set(g.items)] }, numeric: false });
  if (g.leftover.length > 0) {
    const text = g.leftover.join(" ");
    if (hasGrounding(g) && clause.act === undefined) notes.push(`ignored "${text}" beside grounded constraints`);
    else if (clause.ack) notes.push(`ignored "${text}" in an acknowledgement`);
    else if (clause.words.some((w) => NARRATIVE.has(w))) notes.push(`ignored "${text}" in a statement about the user`);
    else if (!knownText(ctx, text)) notes.push(`ignored unknown words "${text}"`);
    else out.push({ constraint: { attribute: "text", text }, numeric: false });
  }
  return out;
}

const known = new WeakMap<ToolContext["models"]["semantic"], Map<string, boolean>>();

/** Whether the semantic model can represent a text at all (cached per semantic model). */
function knownText(ctx: ToolContext, text: string): boolean {
  let cache = known.get(ctx.models.semantic);
  if (!cache) known.set(ctx.models.semantic, (cache = new Map()));
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = ctx.models.semantic.embedText(text) !== null;
    if (cache.size < 50_000) cache.set(text, hit);
  }
  return hit;
}

/** Ranges of one clause on the same attribute are united ("the 80s or 90s" → 1980–1999). */
function mergeRanges(ranges: Constraint[]): Constraint[] {
  const out = new Map<string, { attribute: string; min?: number; max?: number }>();
  for (const r of ranges as { attribute: string; min?: number; max?: number }[]) {
    const old = out.get(r.attribute);
    if (!old) out.set(r.attribute, { ...r });
    else {
      old.min = old.min === undefined || r.min === undefined ? undefined : Math.min(old.min, r.min);
      old.max = old.max === undefined || r.max === undefined ? undefined : Math.max(old.max, r.max);
    }
  }
  return [...out.values()].filter((r) => r.min !== undefined || r.max !== undefined).map((r) => {
    const c: Constraint = { attribute: r.attribute } as Constraint;
    if (r.min !== undefined) (c as { min?: number }).min = r.min;
    if (r.max !== undefined) (c as { max?: number }).max = r.max;
    return c;
  });
}

/** Turns clauses into memory operations: adds with polarity and strength, removals for forget/accept, resets. */
export function groundMentions(mentions: Mentions, feed: string[], ctx: ToolContext, notes: string[]): Delta {
  const ops: Op[] = [];
  let previous: { constraints: { constraint: Constraint; numeric: boolean }[]; clause: Clause } | undefined;
  // the one numeric attribute the command's numbers name, lent to a number that names none
  const vocab = vocabularyOf(ctx);
  const named = new Set(mentions.clauses.flatMap((c) => c.numbers.map((m) => attributeOf(vocab, m)?.attr).filter((a) => a !== undefined)));
  const sibling = named.size === 1 ? [...named][0] : undefined;
  for (const clause of mentions.clauses) {
    if (clause.act === "reset") {
      ops.length = 0;
      ops.push({ op: "reset" });
    }
    const g = groundClause(clause, feed, ctx, notes, sibling);
    let constraints = constraintsOf(g, clause, ctx, notes);
    if (constraints.length === 0 && refersBack(clause) && previous && clause.act !== "reset") {
      constraints = previous.constraints.filter((c) => !c.numeric);
      if (constraints.length > 0) notes.push("a pronoun or a bare cue referred to the previous clause");
    }
    if (clause.act === "forget" || clause.act === "accept") {
      const scope = clause.act === "forget" ? "all" : "negative";
      for (const { constraint } of constraints) ops.push({ op: "remove", scope, constraint });
      const valued = new Set(constraints.map((c) => c.constraint.attribute));
      for (const attribute of g.attributes) if (!valued.has(attribute)) ops.push({ op: "remove", scope: "all", constraint: { attribute } });
    } else {
      for (const { constraint, numeric } of constraints) {
        const strength: Strength = numeric ? (clause.hedged ? "soft" : "hard") : clause.strength ?? "soft";
        ops.push({ op: "add", polarity: clause.polarity, strength, constraint });
      }
    }
    if (constraints.length > 0) previous = { constraints, clause };
  }
  return { ops };
}

/** Stage 3: ground clauses to catalog constraints and memory operations. */
export const ground: ParserStage = (state, ctx) => {
  const notes: string[] = [];
  const delta = groundMentions(state.mentions as Mentions, state.input.feed, ctx, notes);
  return { delta, notes };
};
