import type { Catalog } from "../catalog/catalog.ts";
import type { Intent, RangeIntent } from "../schemas/simulated-session.ts";

type Pick = <T>(xs: readonly T[]) => T;

// people say the same thing many ways; the later phrasings of each list are ones the parser's hand-written cues lack,
// so `recbot distill` has something to learn from the simulator's gold
const WANT_HARD = ["only {v}", "{v} only", "must be {v}", "strictly {v}", "nothing but {v}", "it has to be {v}", "just {v}", "stick to {v}", "{v} and nothing else", "keep it to {v}", "{v} is a must"];
const WANT_SOFT = ["{v} please", "I'd prefer {v}", "more {v}", "ideally {v}", "in the mood for {v}", "I'd like {v}", "preferably {v}", "show me {v}", "I could go for {v}", "I fancy some {v}", "how about {v}", "I'm leaning towards {v}"];
const AVOID_HARD = ["no {v}", "never {v}", "without {v}", "exclude {v}", "I don't want any {v}", "anything but {v}", "no {v} at all", "steer clear of {v}", "{v} is a no-go", "spare me the {v}", "skip the {v}"];
const AVOID_SOFT = ["less {v}", "fewer {v}", "not so much {v}", "I'm not a fan of {v}", "tone down the {v}", "a bit less {v}", "go easy on the {v}", "dial back the {v}", "not too keen on {v}"];
const CRITIQUE = ["too many {v} in here", "fewer {v} please", "that's a lot of {v}, less of that", "I'm tired of {v}", "enough {v} already", "cut down on the {v}", "not so many {v}"];
const TEXT = ["something {v}", "in the mood for something {v}", "I'd like something {v}", "ideally {v}", "more {v} stuff", "I enjoy {v}"];
const DRIFT = ["actually, forget all that. ", "change of plan, start over: ", "forget everything so far — ", "let's start over. ", "new search: ", "scrap that and start fresh, "];
const YEAR_MIN = ["from {min} on", "{min} or later", "released after {min-1}", "nothing before {min}", "made after {min-1}"];
const YEAR_MAX = ["before {max+1}", "{max} or earlier", "released no later than {max}", "nothing after {max}", "made before {max+1}"];
const DECADE = ["from the {d}", "released in the {d}", "only {d} stuff", "something from the {d}", "{d} only"];
const UPPER = ["under {x}", "{a} under {n}", "no more than {x}", "max {x}", "below {x}", "{a} at most {n}"];
const LOWER = ["at least {x}", "{x} or more", "minimum {x}", "{a} at least {n}", "{a} of {n} or more"];
const SEPARATORS = [", ", ", ", "; ", " and ", ". "];
const OPENERS = ["", "", "", "hmm, ", "ok, ", "now "];
const CURRENCY: Record<string, string> = { EUR: "€", USD: "$", GBP: "£" };

/**
 * A command a person might type for these intents, in varied wording: cue words carry hard vs soft, values keep the
 * catalog's spelling, and several intents are joined into one command. Seeded by `random`.
 */
export function renderCommand(intents: Intent[], catalog: Catalog, random: () => number): string {
  const pick: Pick = (xs) => xs[Math.floor(random() * xs.length)];
  const drift = intents.some((i) => i.kind === "reset");
  const parts = intents.filter((i) => i.kind !== "reset").map((i) => phrase(i, catalog, pick));
  let text = parts[0] ?? "";
  for (const part of parts.slice(1)) text += pick(SEPARATORS) + part;
  return (drift ? pick(DRIFT) : pick(OPENERS)) + text;
}

function phrase(intent: Intent, catalog: Catalog, pick: Pick): string {
  switch (intent.kind) {
    case "want":
      return fill(pick(intent.strength === "hard" ? WANT_HARD : WANT_SOFT), { v: valueWords(intent.values, intent.attribute, pick) });
    case "avoid":
      return fill(pick(intent.strength === "hard" ? AVOID_HARD : AVOID_SOFT), { v: valueWords(intent.values, intent.attribute, pick) });
    case "critique":
      return fill(pick(CRITIQUE), { v: intent.values.join(" and ") });
    case "text":
      return fill(pick(TEXT), { v: intent.text });
    case "range":
      return rangeWords(intent, catalog, pick);
    case "reset":
      return "";
  }
}

/** Values in the catalog's spelling, sometimes with the attribute named ("black colour"). */
function valueWords(values: string[], attribute: string, pick: Pick): string {
  const joined = values.join(" or ");
  return pick([joined, joined, joined, `${joined} ${attribute}`]);
}

function rangeWords(intent: RangeIntent, catalog: Catalog, pick: Pick): string {
  const { min, max, attribute } = intent;
  const column = catalog.columns.get(attribute);
  if (intent.framing === "decade" && min !== undefined) return fill(pick(DECADE), { d: decadeName(min, pick) });
  if (intent.framing === "decade" || /year/i.test(attribute)) {
    if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
    return min !== undefined ? fill(pick(YEAR_MIN), { min: `${min}`, "min-1": `${min - 1}` }) : fill(pick(YEAR_MAX), { max: `${max}`, "max+1": `${max! + 1}` });
  }
  const unit = column?.spec.unit;
  // {x} names what is counted ("20 reviews"); {n} follows the attribute's name ("price under 80 EUR", "reviews at least 20")
  const amount = (x: number, named: boolean) =>
    unit && CURRENCY[unit] && pick([true, false]) ? `${CURRENCY[unit]}${x}` : unit ? `${x} ${unit}` : named ? `${x}` : `${x} ${attribute}`;
  if (min !== undefined && max !== undefined) return `${attribute} between ${min} and ${amount(max, true)}`;
  const x = (max ?? min)!;
  return fill(pick(max !== undefined ? UPPER : LOWER), { x: amount(x, false), n: amount(x, true), a: attribute });
}

/** "the 90s" or "the 1990s"; decades from 2000 on always in full. */
function decadeName(start: number, pick: Pick): string {
  return start < 2000 && start >= 1920 ? pick([`${start % 100}s`.padStart(3, "0"), `${start}s`]) : `${start}s`;
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{([a-z0-9+-]+)\}/g, (_, key: string) => slots[key] ?? "");
}
