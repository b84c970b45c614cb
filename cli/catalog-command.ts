import { catalogStats, formatCatalogStats } from "../catalog/catalog-stats.ts";
import { describeProblem } from "../catalog/catalog-error.ts";
import { loadCatalog } from "../catalog/load-catalog.ts";

/** `recbot catalog REF`: the catalog's size and attribute vocabularies, as text or JSON. */
export async function runCatalog(ref: string, options: { json: boolean; skipBadLines: boolean; top: number }): Promise<void> {
  const { catalog, skipped, problems } = await loadCatalog(ref, { skipBadLines: options.skipBadLines });
  const stats = catalogStats(catalog, options.top);
  if (options.json) {
    process.stdout.write(JSON.stringify({ ...stats, skipped }, null, 2) + "\n");
    return;
  }
  process.stdout.write(formatCatalogStats(stats) + "\n");
  if (skipped > 0) {
    process.stdout.write(`\n  skipped ${skipped} bad line${skipped === 1 ? "" : "s"}:\n`);
    for (const p of problems.slice(0, 20)) process.stdout.write(`    ${describeProblem(p)}\n`);
    if (problems.length > 20) process.stdout.write(`    … and ${problems.length - 20} more\n`);
  }
}
