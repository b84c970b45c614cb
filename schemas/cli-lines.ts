import { z } from "zod";
import { Preferences } from "./preferences.ts";

/** One input line of `recbot recommend` (contract: shared/spec/cli.md). */
export const RecommendLine = z
  .object({
    id: z.union([z.string(), z.number()]),
    user: z.union([z.string(), z.number()]).transform(String).optional(),
    commands: z.array(z.string()).optional(),
    preferences: z.array(Preferences).optional(),
    exclude: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  })
  .refine((l) => !(l.commands && l.preferences), { message: "give either `commands` or `preferences`, not both" });

/** One input line of `recbot parse`. */
export const ParseLine = z.object({
  id: z.union([z.string(), z.number()]),
  command: z.string(),
  memory: Preferences.optional(),
  feed: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
});

export type RecommendLine = z.infer<typeof RecommendLine>;
export type ParseLine = z.infer<typeof ParseLine>;
