import type { Catalog } from "../catalog/catalog.ts";
import { commandFor, samplePreferences } from "./preference-sampler.ts";

/** Follow-ups that only make sense against the feed the user is looking at. */
const FOLLOW_UPS = [
  "cheaper", "cheaper than these", "something more expensive", "more like the second one", "more like the first one",
  "the last one but in red", "no more of these", "not the third one", "better rated ones", "more popular ones",
  "less like the top one", "more like that one but cheaper",
];
const RESETS = ["start over", "new search"];

/**
 * The commands of one session: it opens with a full request drawn from the catalog, then mostly refines the
 * feed with relative follow-ups, sometimes adds a fresh request, and now and then starts over, so memories
 * stay realistic in size.
 */
export function createCommandMix(catalog: Catalog, random: () => number): () => string {
  let turn = 0;
  const pick = (xs: string[]) => xs[Math.floor(random() * xs.length)];
  const fresh = () => commandFor(samplePreferences(catalog, random), catalog);
  const part = () => pick(fresh().split(", "));
  return () => {
    const r = random();
    const command = turn === 0 ? fresh() : r < 0.55 ? pick(FOLLOW_UPS) : r < 0.8 ? part() : r < 0.93 ? fresh() : pick(RESETS);
    turn = command === "start over" || command === "new search" ? 0 : turn + 1;
    return command;
  };
}
