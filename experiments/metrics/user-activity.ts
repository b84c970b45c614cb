/**
 * What one user did while in an experiment (or before it, for CUPED): the counts every metric is computed from. Live
 * experiments count them from stored sessions, turns, runs and feed events; simulated ones from simulated users.
 */
import { z } from "zod";

const count = (what: string) => z.number().nonnegative().describe(what);

export const ActivityCounts = z.object({
  sessions: count("Sessions the user had"),
  commands: count("Commands typed (turns)"),
  unchangedCommands: count("Commands that left the memory as it was: the user restated what it already held (the feed had not honoured it)"),
  impressions: count("Items the user was shown"),
  clicks: count("Items clicked"),
  likes: count("Items liked"),
  notInterested: count("Items marked 'not interested'"),
  addToCart: count("Items added to the cart"),
  clickedCategories: count("Distinct categories among the items the user clicked or liked"),
  latencyMsTotal: count("Time from command to feed, summed over commands (ms)"),
  parserRuns: count("Parser runs"),
  parserFallbacks: count("Parser runs that fell back from the LLM to the offline parser"),
  servedItems: count("Items served in feeds"),
  hardViolations: count("Served items violating a hard constraint of the memory they were served for"),
});
export type ActivityCounts = z.infer<typeof ActivityCounts>;

export const UserActivity = z.object({
  userId: z.string().min(1),
  variant: z.string().min(1),
  counts: ActivityCounts,
  pre: ActivityCounts.optional().describe("The same counts from before the experiment started, when the user was active then"),
});
export type UserActivity = z.infer<typeof UserActivity>;

export function emptyCounts(): ActivityCounts {
  return {
    sessions: 0, commands: 0, unchangedCommands: 0, impressions: 0, clicks: 0, likes: 0, notInterested: 0, addToCart: 0,
    clickedCategories: 0, latencyMsTotal: 0, parserRuns: 0, parserFallbacks: 0, servedItems: 0, hardViolations: 0,
  };
}
