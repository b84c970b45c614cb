import type { Progress } from "../models/progress.ts";
import type { LlmConfig } from "../parser/llm-config.ts";
import { parseWithLlm } from "../parser/llm-parser.ts";
import { emptyPreferences, type Preferences } from "../schemas/preferences.ts";
import type { SimulatedSession } from "../schemas/simulated-session.ts";
import type { ToolContext } from "../tools/tool-context.ts";

/** One command with the memory and feed it was typed against, and the teacher's P_{t+1}. */
export interface LabelledCommand {
  session: string;
  turn: number;
  command: string;
  /** feed item ids, top first */
  feed: string[];
  /** P_t: the teacher's own previous label (teacher forcing), empty at the first turn */
  memory: Preferences;
  /** P_{t+1} according to the teacher */
  label: Preferences;
}

export interface TeacherLabels {
  teacher: "llm" | "simulator";
  examples: LabelledCommand[];
  /** commands the LLM did not answer usably (they fell back to the offline parser): left out, never labelled by the student */
  dropped: { session: string; turn: number; command: string; reason: string }[];
}

/** The simulator's gold memory after each turn: the structured intents the simulated user stated, consolidated. */
export function simulatorLabels(sessions: SimulatedSession[]): TeacherLabels {
  const examples: LabelledCommand[] = [];
  for (const s of sessions) {
    let memory = emptyPreferences();
    s.turns.forEach((t, turn) => {
      examples.push({ session: s.id, turn, command: t.command, feed: t.feed, memory, label: t.gold });
      memory = t.gold;
    });
  }
  return { teacher: "simulator", examples, dropped: [] };
}

/**
 * The configured LLM parser's P_{t+1} for every command, fed its own previous answer as P_t. A command whose answer
 * failed (so the offline parser stood in) is dropped rather than labelled by the student it is meant to teach; the
 * session goes on from the memory the fallback produced.
 */
export async function llmLabels(sessions: SimulatedSession[], ctx: ToolContext, config: LlmConfig, progress?: Progress): Promise<TeacherLabels> {
  const total = sessions.reduce((n, s) => n + s.turns.length, 0);
  const examples: LabelledCommand[] = [];
  const dropped: TeacherLabels["dropped"] = [];
  let done = 0;
  progress?.phase("teacher (LLM) labels", total);
  for (const s of sessions) {
    let memory = emptyPreferences();
    for (const [turn, t] of s.turns.entries()) {
      const result = await parseWithLlm({ command: t.command, feed: t.feed, memory }, ctx, config);
      if (result.source === "llm") examples.push({ session: s.id, turn, command: t.command, feed: t.feed, memory, label: result.preferences });
      else dropped.push({ session: s.id, turn, command: t.command, reason: result.notes[0] ?? "no usable answer" });
      memory = result.preferences;
      progress?.update(++done);
    }
  }
  progress?.done();
  return { teacher: "llm", examples, dropped };
}
