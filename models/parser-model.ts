import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ParserModel } from "../schemas/parser-model.ts";

/** The learned parts shipped with the product (trained by `recbot distill`; see README). */
export const SHIPPED_PARSER_MODEL = fileURLToPath(new URL("./shipped/parser-model.json", import.meta.url));

/** A parser artefact that cannot be read: the message names the file and the field. */
export class ParserModelError extends Error {
  override name = "ParserModelError";
}

/** Reads and checks a parser artefact written by `recbot distill`. */
export function readParserModel(file: string): ParserModel {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ParserModelError(`parser model ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ParserModelError(`parser model ${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = ParserModel.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ParserModelError(`parser model ${file}: field ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}

const cache = new Map<string, ParserModel | undefined>();

/**
 * The parser model in force: `RECBOT_PARSER_MODEL` names a file, or `none` for the rules alone; unset means the
 * shipped artefact. Read once per setting.
 */
export function configuredParserModel(env: NodeJS.ProcessEnv = process.env): ParserModel | undefined {
  const setting = env.RECBOT_PARSER_MODEL?.trim() || "";
  if (!cache.has(setting)) {
    if (setting === "none") cache.set(setting, undefined);
    else if (setting) cache.set(setting, readParserModel(setting));
    else cache.set(setting, existsSync(SHIPPED_PARSER_MODEL) ? readParserModel(SHIPPED_PARSER_MODEL) : undefined);
  }
  return cache.get(setting);
}
