import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { prepareCatalog } from "../../runtime/prepared-catalog.ts";
import type { RunningServer, ServerOptions } from "../../server/start-server.ts";
import { repoRoot, tempDir } from "../helpers.ts";
import { ANALYST_TOKEN, startTestServer } from "./test-server.ts";

/** Where browser tests save their screenshots. */
const studioArtifacts = join(repoRoot, "artifacts", "studio");

const studioDist = fileURLToPath(new URL("../../studio/dist/", import.meta.url));

/** A test server on the demo catalog serving the built studio, and a headless page open on its playground once the catalog is ready. */
export interface Studio {
  server: RunningServer;
  page: Page;
  /** console errors and page errors, in order */
  problems: string[];
  /** Saves a screenshot to artifacts/studio/<name>.png. */
  shot: (name: string) => Promise<unknown>;
  /** Closes the browser, then the server. */
  close: () => Promise<void>;
}

/**
 * Prepares the demo catalog (models in a temp folder named after `name`), starts a test server serving studio/dist
 * and opens it in Debian's Chromium (or RECBOT_CHROMIUM), headless, collecting console errors and page errors.
 */
export async function openStudio(name: string, viewport: { width: number; height: number }, serverOptions: ServerOptions = {}): Promise<Studio> {
  mkdirSync(studioArtifacts, { recursive: true });
  const prepared = await prepareCatalog("demo", { dataDir: tempDir(`${name}-models`) });
  const server = await startTestServer({ prepared, staticDir: studioDist, ...serverOptions });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server.close();
  };
  try {
    await server.ready;
    browser = await chromium.launch({
      executablePath: process.env.RECBOT_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run"],
    });
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${server.url}/#playground`);
    return {
      server,
      page,
      problems,
      shot: (shotName) => page.screenshot({ path: join(studioArtifacts, `${shotName}.png`) }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Pastes the test server's analyst token into the studio's top bar, as an analyst would. */
export async function enterAnalystToken(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Analyst token…" }).click();
  await page.getByLabel("Analyst token").fill(ANALYST_TOKEN);
  await page.getByLabel("Analyst token").press("Enter");
}
