import type { ToolContext } from "../tools/tool-context.ts";
import { stem } from "../models/tokenizer.ts";
import { cueAt } from "./cue-words.ts";

const ORDINALS: Record<string, number> = {
  first: 0, second: 1, third: 2, fourth: 3, fifth: 4, sixth: 5, seventh: 6, eighth: 7, ninth: 8, tenth: 9,
  top: 0, last: -1, final: -1, bottom: -1, latter: -1, former: 0, next: 1, penultimate: -2,
};
const REFERRERS = new Set(["the", "that", "this", "your"]);
const FOLLOWERS = new Set(["one", "ones", "item", "result", "pick", "option", "suggestion"]);

/** "the second one", "the last", "the 3rd", "number 4": a feed position (0-based, -1 = last) and the tokens it spans. */
export function ordinalAt(tokens: string[], i: number): { position: number; length: number } | undefined {
  if (tokens[i] === "number" && /^\d+$/.test(tokens[i + 1] ?? "")) return { position: Number(tokens[i + 1]) - 1, length: 2 };
  if (!REFERRERS.has(tokens[i])) return undefined;
  let k = i + 1;
  if (tokens[k] === "very") k++;
  const word = tokens[k];
  const numeric = /^(\d+)(st|nd|rd|th)$/.exec(word ?? "");
  let position = numeric ? Number(numeric[1]) - 1 : ORDINALS[word ?? ""];
  if (word === "penultimate") position = -2;
  if (position === undefined) return undefined;
  // "the second to last", "the next to last": counted from the end
  if (position >= 0 && (tokens[k + 1] === "to" || tokens[k + 1] === "from") && (tokens[k + 2] === "last" || tokens[k + 2] === "bottom")) {
    [position, k] = [-(position + 1), k + 2];
  } else if (word === "next" ) return undefined;
  // after "like"/"than" a position names a feed item, and the noun after it is the item's kind ("like the last hotel")
  const comparing = tokens[i - 1] === "like" || tokens[i - 1] === "than";
  const next = tokens[k + 1] ?? "";
  const followed = FOLLOWERS.has(next) || (comparing && /^\p{L}+$/u.test(next) && !cueAt(tokens, k + 1) && !/^(and|or|but|with|in|from|for|please|though)$/.test(next));
  // "top"/"last" name a feed position only with a follower ("the top one"), or at the end of a clause
  if ((word === "top" || word === "last" || word === "bottom") && !followed && /^[a-z]/.test(tokens[k + 1] ?? "")) return undefined;
  if ((word === "first" || word === "second") && /^(time|place|half)$/.test(tokens[k + 1] ?? "")) return undefined;
  return { position, length: k + 1 - i + (followed ? 1 : 0) };
}

/** The feed item at an ordinal position, or undefined when the feed is shorter. */
export function feedItemAt(feed: string[], position: number): string | undefined {
  return position < 0 ? feed[feed.length + position] : feed[position];
}

/** A title as words, with a trailing "(1995)" and a trailing ", The" article dropped. */
export function titleWords(title: string): string[] {
  const words = title
    .toLowerCase()
    .replace(/\(\d{4}\)\s*$/, "")
    .replace(/,\s*(the|a|an)\s*$/, "")
    .replace(/\s*\(.*?\)\s*/g, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words[0] === "the" || words[0] === "a" || words[0] === "an" ? words.slice(1) : words;
}

/**
 * Feed items whose title appears in the clause's words ("more like inception"): the title's words in a row,
 * at least four letters in all. Returns the item id and the word span it covered.
 */
const titleCache = new WeakMap<ToolContext["catalog"], Map<number, string[]>>();

/** An item's title words, computed once per item and catalog. */
function cachedTitleWords(ctx: ToolContext, index: number): string[] {
  let titles = titleCache.get(ctx.catalog);
  if (!titles) titleCache.set(ctx.catalog, (titles = new Map()));
  let words = titles.get(index);
  if (!words) titles.set(index, (words = titleWords(ctx.catalog.titles[index])));
  return words;
}

export function findTitleReferences(words: string[], feed: string[], ctx: ToolContext): { id: string; start: number; end: number }[] {
  const out: { id: string; start: number; end: number }[] = [];
  for (const id of feed) {
    const index = ctx.catalog.indexOf.get(id);
    if (index === undefined) continue;
    const title = cachedTitleWords(ctx, index);
    if (title.length === 0 || title.join("").length < 4 || title.length > words.length) continue;
    for (let s = 0; s + title.length <= words.length; s++) {
      if (title.every((w, k) => words[s + k] === w)) {
        out.push({ id, start: s, end: s + title.length });
        break;
      }
    }
  }
  return out;
}

/** The first feed item whose title holds the noun ("more like that jacket" → the feed's jacket). */
export function findNounReference(noun: string, feed: string[], ctx: ToolContext): string | undefined {
  const key = stem(noun);
  for (const id of feed) {
    const index = ctx.catalog.indexOf.get(id);
    if (index === undefined) continue;
    if (cachedTitleWords(ctx, index).some((w) => stem(w) === key)) return id;
  }
  return undefined;
}
