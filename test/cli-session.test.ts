import { expect, it } from "vitest";
import { parseOffline } from "../parser/parse-offline.ts";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import { jsonLines, mlRef, runCli, tempDir } from "./helpers.ts";

const commands = [
  "something funny", "no horror", "only movies from the 90s", "more sci-fi", "less romance",
  "actually I'm fine with horror now", "nothing before 1995", "show me more", "no more comedies", "start over",
];

it("a ten-turn CLI session threads memory and feed from turn to turn", async () => {
  const dataDir = tempDir("cli-session");
  const result = await runCli(["recommend", "--catalog", mlRef, "--quiet", "--data-dir", dataDir], JSON.stringify({ id: "ten", user: "42", commands }));
  expect(result.code, result.stderr).toBe(0);
  const [{ turns }] = jsonLines(result.stdout);
  expect(turns).toHaveLength(11);
  const { context } = await prepareCatalog(mlRef, { dataDir });
  let memory = emptyPreferences();
  for (let t = 1; t <= commands.length; t++) {
    memory = parseOffline({ command: commands[t - 1], memory, feed: turns[t - 1].items }, context).preferences;
    expect(turns[t].command).toBe(commands[t - 1]);
    expect(turns[t].preferences).toEqual(memory);
  }
  // "start over" empties the memory, and the other turns carried something
  expect(turns[10].preferences).toEqual(emptyPreferences());
  expect(turns[5].preferences).not.toEqual(emptyPreferences());
});
