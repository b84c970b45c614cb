import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterAnalystToken, openStudio, type Studio } from "./support/studio-browser.ts";

// The studio in real headless Chromium (Debian's, driven by playwright-core) against a real server on the demo
// catalog. Assertions read what is on the page; screenshots go to artifacts/studio/.

let page: Page;
let problems: string[];
let shot: Studio["shot"];
let close: Studio["close"] | undefined;

beforeAll(async () => {
  ({ page, problems, shot, close } = await openStudio("studio", { width: 1280, height: 800 }));
}, 120_000);

afterAll(() => close?.());

describe("the studio in a browser", () => {
  it("runs a command in the playground: steps stream in, the memory shows the diff, a new feed appears", async () => {
    await expect.poll(() => page.getByLabel("Catalog", { exact: true }).innerText()).toContain("RecBot demo fashion store (20,000 items)");
    await page.getByRole("button", { name: "Start session" }).click();
    await page.getByLabel("Command").fill("no dresses, something red under 50");
    await page.getByLabel("Command").press("Enter");
    await expect.poll(() => page.locator(".feed-card").count(), { timeout: 20_000 }).toBe(12);
    const steps = page.getByLabel("Steps").locator("li");
    expect(await steps.count()).toBeGreaterThanOrEqual(8);
    expect(await page.getByLabel("Steps").innerText()).toMatch(/filter[\s\S]*20,000 → /);
    const memory = await page.getByLabel("Preference memory").innerText();
    expect(memory).toContain("price ≤ 50");
    expect(memory).toContain("category: dresses");
    expect(await page.locator(".chip.added").count()).toBe(3);
    for (const title of await page.locator(".feed-card .card-title").allInnerTexts()) expect(title.toLowerCase()).not.toContain("dress");
    expect(await page.locator(".react-flow__node.ran").count()).toBeGreaterThanOrEqual(3);
    await shot("playground");

    await page.getByLabel("Command").fill("more casual");
    await page.getByLabel("Command").press("Enter");
    await expect.poll(() => page.locator(".turn-line").innerText(), { timeout: 20_000 }).toMatch(/^Turn 2/);
    expect(await page.getByLabel("Preference memory").innerText()).toContain("price ≤ 50");
  });

  it("opens the command's run in the inspector with every step and the candidate funnel", async () => {
    await page.getByRole("button", { name: "inspect run" }).click();
    await page.getByLabel("Run steps").waitFor();
    const rows = await page.getByLabel("Run steps").locator("tbody tr").allInnerTexts();
    expect(rows[0]).toContain("run_start");
    expect(rows.at(-1)).toContain("run_end");
    expect(rows.some((r) => r.includes("node_end") && r.includes("filter"))).toBe(true);
    await page.getByRole("img", { name: "Candidates per node" }).waitFor();
    await shot("inspector");
  });

  it("edits a graph: a new node is flagged on the canvas, undo removes it, a changed parameter is saved as a version", async () => {
    await enterAnalystToken(page);
    await page.getByRole("tab", { name: "Graph editor" }).click();
    await page.locator('.react-flow__node[data-id="aggregator"]').waitFor();

    await page.getByLabel("Palette").getByRole("button", { name: "+ attenuator" }).click();
    const added = page.locator('.react-flow__node[data-id="attenuator_2"]');
    await added.waitFor();
    await expect.poll(() => added.innerText(), { timeout: 5_000 }).toMatch(/⚠ node `attenuator_2`/);
    expect(await page.getByRole("status").first().innerText()).toMatch(/problem/);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => added.count()).toBe(0);
    await page.getByLabel("Palette").getByRole("button", { name: "+ filter" }).dragTo(page.locator(".react-flow__pane"), { targetPosition: { x: 120, y: 60 } });
    await expect.poll(() => page.locator('.react-flow__node[data-id="filter_2"]').count()).toBe(1);
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.locator('.react-flow__node[data-id="filter_2"]').count()).toBe(0);

    await page.locator('.react-flow__node[data-id="aggregator"]').click();
    await page.getByLabel("Selected node").getByLabel("popularityPrior").fill("0.5");
    await page.getByLabel("Version note").fill("lean on popularity");
    await page.getByRole("button", { name: "Save version" }).click();
    await expect.poll(() => page.getByLabel("Version history").innerText()).toMatch(/v2[\s\S]*lean on popularity/);
    await page.getByRole("button", { name: "diff with v2" }).click();
    await expect.poll(() => page.getByLabel("Diff v1 → v2").innerText()).toMatch(/nodes changed\s*aggregator \(popularityPrior: (default|[\d.]+) → 0\.5\)/);
    expect(await page.locator('.react-flow__node.diff-changed[data-id="aggregator"]').count()).toBe(1);
    await shot("editor");
  });

  it("replays the recorded turn against the new version and shows both feeds side by side", async () => {
    await page.getByRole("tab", { name: "Runs" }).click();
    await page.getByLabel("Runs").locator("tbody tr", { hasText: "planner v1" }).first().click();
    await shot("replay-before");
    await page.getByLabel("Replay version").selectOption("2");
    await page.getByRole("button", { name: "Replay" }).click();
    await expect.poll(() => page.locator(".replay").innerText(), { timeout: 20_000 }).toMatch(/Overlap: \d+ of \d+/);
    expect(await page.locator(".side-by-side > div").count()).toBe(2);
    await shot("replay");
    expect(problems).toEqual([]);
  });
});
