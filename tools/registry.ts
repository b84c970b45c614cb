import { aggregator } from "./aggregator.ts";
import { attenuator } from "./attenuator.ts";
import type { Tool } from "./define-tool.ts";
import { filter } from "./filter.ts";
import { matcher } from "./matcher.ts";

/** Every ranking tool, by id. The studio renders each form from `z.toJSONSchema(tool.params)`. */
export const toolRegistry = { filter, matcher, attenuator, aggregator } as const;

export type ToolId = keyof typeof toolRegistry;

export const toolIds = Object.keys(toolRegistry) as ToolId[];

/** The tool with this id, or undefined. */
export function getTool(id: string): Tool | undefined {
  return Object.hasOwn(toolRegistry, id) ? (toolRegistry[id as ToolId] as unknown as Tool) : undefined;
}
