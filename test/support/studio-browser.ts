import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { repoRoot } from "../helpers.ts";

/** Where browser tests save their screenshots. */
export const studioArtifacts = join(repoRoot, "artifacts", "studio");

/** Debian's Chromium (or RECBOT_CHROMIUM), headless, with a page that collects console errors and page errors. */
export async function openStudioPage(url: string, viewport: { width: number; height: number }): Promise<{ browser: Browser; page: Page; problems: string[] }> {
  mkdirSync(studioArtifacts, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.RECBOT_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(url);
  return { browser, page, problems };
}
