import { z } from "zod";

/** Cue kinds a learned phrase may take: the polarity × strength it gives the clause it opens or closes. */
export const LearnedCueKind = z.enum(["neg-hard", "neg-soft", "pos-hard", "pos-soft"]);

/** Normalized words, as the parser's tokens spell them. */
const Phrase = z.string().min(1).regex(/^[a-z0-9']+( [a-z0-9']+)*$/, "lower-case words separated by single spaces");

export const LearnedCue = z.object({
  phrase: Phrase.describe("Normalized words of the cue"),
  kind: LearnedCueKind,
  support: z.number().int().min(1).describe("Labelled mentions next to the phrase"),
  purity: z.number().min(0).max(1).describe("Share of those mentions the teacher labelled with this kind"),
});

export const LearnedAlias = z.object({
  phrase: Phrase,
  attribute: z.string().min(1),
  value: z.string().min(1).describe("Value in the catalog's spelling; used only where a catalog has it"),
  support: z.number().int().min(1),
  purity: z.number().min(0).max(1),
});

/**
 * The offline Parser's learned parts, trained by `recbot distill` from teacher-labelled commands: cue phrases
 * (general English) and value aliases (phrase → catalog value). The rules stay; these extend their tables.
 */
export const ParserModel = z.object({
  format: z.literal(1).describe("Artefact format; a reader refuses formats it does not know"),
  version: z.string().regex(/^pm-[0-9a-f]{12}$/).describe("Content hash of the learned parts: same training, same version"),
  createdAt: z.string(),
  training: z.object({
    catalogs: z.array(z.string()).min(1),
    teacher: z.enum(["llm", "simulator"]),
    seed: z.number().int(),
    sessions: z.number().int().min(0),
    commands: z.number().int().min(0),
    minSupport: z.number().int().min(1),
    minPurity: z.number().min(0).max(1),
  }),
  cues: z.array(LearnedCue),
  aliases: z.array(LearnedAlias),
});

export type LearnedCueKind = z.infer<typeof LearnedCueKind>;
export type LearnedCue = z.infer<typeof LearnedCue>;
export type LearnedAlias = z.infer<typeof LearnedAlias>;
export type ParserModel = z.infer<typeof ParserModel>;
