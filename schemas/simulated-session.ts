import { z } from "zod";
import { Preferences } from "./preferences.ts";

const Strength = z.enum(["hard", "soft"]);

/** "I want / don't want these values" for a categorical attribute (catalog spelling). */
export const ValueIntent = z.object({
  kind: z.enum(["want", "avoid"]).describe("want = positive, avoid = negative"),
  strength: Strength,
  attribute: z.string().min(1),
  values: z.array(z.string().min(1)).min(1),
});

/** A numeric limit, always hard, widened so it never pinpoints the target. */
export const RangeIntent = z.object({
  kind: z.literal("range"),
  strength: z.literal("hard"),
  attribute: z.string().min(1),
  min: z.number().optional(),
  max: z.number().optional(),
  /** how the user framed it: a decade ("the 90s") or a plain limit */
  framing: z.enum(["limit", "decade"]).default("limit"),
});

/** A relative critique of the current feed ("fewer sneakers"): a negative soft value the feed over-represents. */
export const CritiqueIntent = z.object({
  kind: z.literal("critique"),
  strength: z.literal("soft"),
  attribute: z.string().min(1),
  values: z.array(z.string().min(1)).min(1),
});

/** Free-text taste taken from an open attribute of the target (tags): positive soft. */
export const TextIntent = z.object({
  kind: z.literal("text"),
  strength: z.literal("soft"),
  text: z.string().min(1),
});

/** Interest drift: everything said so far is dropped (MRID). */
export const ResetIntent = z.object({ kind: z.literal("reset") });

export const Intent = z.discriminatedUnion("kind", [
  ValueIntent.extend({ kind: z.literal("want") }),
  ValueIntent.extend({ kind: z.literal("avoid") }),
  RangeIntent,
  CritiqueIntent,
  TextIntent,
  ResetIntent,
]);

export const Scenario = z.enum(["SR", "MR", "MRID"]);

/** One simulated command with its structured intents and the memory a perfect parser would hold afterwards. */
export const SimulatedTurn = z.object({
  command: z.string().min(1),
  intents: z.array(Intent).min(1),
  gold: Preferences,
  /** item ids the user was looking at when typing the command */
  feed: z.array(z.string()),
  /** index into the session's targets of the target this turn pursues */
  target: z.number().int().min(0),
});

/** A recorded simulated session (one JSONL line of `recbot simulate`). */
export const SimulatedSession = z.object({
  id: z.string().min(1),
  scenario: Scenario,
  catalog: z.string().min(1).describe("Catalog reference the session was generated on"),
  user: z.string().min(1).describe("Catalog user id whose history personalises the feed"),
  targets: z.array(z.string().min(1)).min(1).describe("Held-out target item ids, for evaluation only"),
  turns: z.array(SimulatedTurn).min(1),
  seed: z.number().int(),
});

export type Intent = z.infer<typeof Intent>;
export type ValueIntent = Extract<Intent, { kind: "want" | "avoid" }>;
export type RangeIntent = z.infer<typeof RangeIntent>;
export type Scenario = z.infer<typeof Scenario>;
export type SimulatedTurn = z.infer<typeof SimulatedTurn>;
export type SimulatedSession = z.infer<typeof SimulatedSession>;
