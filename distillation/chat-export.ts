import { buildParserPrompt } from "../parser/llm-prompt.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import type { LabelledCommand } from "./teacher-labels.ts";

/** One fine-tuning example in the chat format OpenAI-compatible trainers read. */
export interface ChatExample {
  messages: { role: "system" | "user" | "assistant"; content: string }[];
}

/**
 * The labelled command as the exact prompt the LLM Parser sends, answered by the teacher's memory as JSON: a model
 * fine-tuned on these lines is then used through `OPENAI_BASE_URL` with `RECBOT_LLM_METHOD=jsonMode`.
 */
export function chatExample(example: LabelledCommand, ctx: ToolContext): ChatExample {
  const prompt = buildParserPrompt({ command: example.command, feed: example.feed, memory: example.memory }, ctx);
  return {
    messages: [
      { role: "system", content: prompt.system },
      { role: "user", content: prompt.user },
      { role: "assistant", content: JSON.stringify(example.label) },
    ],
  };
}
