/**
 * The self-contained HTML report of `recbot eval`: inline CSS and SVG only, so it opens from a file with no network.
 */
import type { EvalReport, SystemMetrics } from "../schemas/eval-report.ts";

const COLOURS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777"];

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (x: number | null | undefined, digits = 3) => (x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits));
const ci = (e: SystemMetrics["passRate"]) => `${fmt(e.mean)} <small>[${fmt(e.low)}, ${fmt(e.high)}]</small>`;

/** Recall@K by turn, one line per system. */
export function recallChart(systems: SystemMetrics[], k: number): string {
  const W = 640, H = 280, L = 48, R = 150, T = 16, B = 36;
  const turns = Math.max(1, ...systems.map((s) => s.byTurn.length));
  const x = (t: number) => L + (turns === 1 ? 0 : (t / (turns - 1)) * (W - L - R));
  const y = (v: number) => T + (1 - v) * (H - T - B);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((v) => `<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`).join("");
  const ticks = Array.from({ length: turns }, (_, t) => `<text x="${x(t)}" y="${H - B + 16}" text-anchor="middle">${t}</text>`).join("");
  const lines = systems.map((s, i) => {
    const c = COLOURS[i % COLOURS.length];
    const pts = s.byTurn.map((r) => `${x(r.turn).toFixed(1)},${y(r.recall).toFixed(1)}`).join(" ");
    return `<polyline points="${pts}" fill="none" stroke="${c}" stroke-width="2"/>` +
      `<rect x="${W - R + 12}" y="${T + i * 18}" width="12" height="3" fill="${c}"/><text x="${W - R + 30}" y="${T + i * 18 + 5}">${esc(s.name)}</text>`;
  }).join("");
  return `<svg class="chart" id="recall-by-turn" viewBox="0 0 ${W} ${H}" role="img" aria-label="Recall@${k} by turn">${grid}${ticks}${lines}` +
    `<text x="${(L + W - R) / 2}" y="${H - 4}" text-anchor="middle">turn (0 = history only)</text></svg>`;
}

/** Pass Rate per system with its bootstrap interval as a whisker. */
export function passRateChart(systems: SystemMetrics[]): string {
  const W = 640, rowH = 26, L = 130, R = 60, T = 8;
  const H = T * 2 + rowH * systems.length + 20;
  const x = (v: number) => L + v * (W - L - R);
  const rows = systems.map((s, i) => {
    const y0 = T + i * rowH;
    const m = s.passRate.mean ?? 0;
    const whisker = s.passRate.low === null ? "" :
      `<line x1="${x(s.passRate.low)}" x2="${x(s.passRate.high ?? 0)}" y1="${y0 + 10}" y2="${y0 + 10}" stroke="#111" stroke-width="1.5"/>`;
    return `<text x="${L - 8}" y="${y0 + 14}" text-anchor="end">${esc(s.name)}</text>` +
      `<rect x="${L}" y="${y0 + 2}" width="${(x(m) - L).toFixed(1)}" height="16" fill="${COLOURS[i % COLOURS.length]}" opacity="0.8"/>${whisker}` +
      `<text x="${x(Math.max(m, s.passRate.high ?? 0)) + 6}" y="${y0 + 14}">${fmt(m, 2)}</text>`;
  }).join("");
  const axis = [0, 0.5, 1].map((v) => `<text x="${x(v)}" y="${H - 4}" text-anchor="middle">${v}</text>`).join("");
  return `<svg class="chart" id="pass-rate" viewBox="0 0 ${W} ${H}" role="img" aria-label="Pass Rate">${rows}${axis}</svg>`;
}

/** One route of a system's candidate funnel: mean candidates left after each node, on a log scale. */
export function funnelChart(system: SystemMetrics, route: NonNullable<SystemMetrics["funnel"]>[number], colour: string): string {
  const funnel = route.steps;
  const W = 420, rowH = 24, L = 90, R = 50;
  const H = 8 + rowH * (funnel.length + 1);
  const top = Math.max(10, ...funnel.map((f) => f.meanIn));
  const x = (v: number) => L + (Math.log10(Math.max(v, 1)) / Math.log10(top)) * (W - L - R);
  const rows = [{ label: "catalog", value: funnel[0]?.meanIn ?? 0 }, ...funnel.map((f) => ({ label: f.node, value: f.meanOut }))].map((r, i) => {
    const y0 = 4 + i * rowH;
    return `<text x="${L - 8}" y="${y0 + 14}" text-anchor="end">${esc(r.label)}</text>` +
      `<rect x="${L}" y="${y0 + 2}" width="${(x(r.value) - L).toFixed(1)}" height="16" fill="${colour}" opacity="0.8"/>` +
      `<text x="${x(r.value) + 6}" y="${y0 + 14}">${fmt(r.value, 0)}</text>`;
  }).join("");
  return `<figure><svg class="chart funnel" viewBox="0 0 ${W} ${H}" role="img" aria-label="candidate funnel of ${esc(system.name)}">${rows}</svg>` +
    `<figcaption>${esc(system.name)}, ${route.turns} turns: mean candidates after each Planner node (log scale)</figcaption></figure>`;
}

/** One small latency histogram per system (the last bin also holds everything above the 99th percentile). */
export function latencyChart(system: SystemMetrics, colour: string): string {
  const W = 300, H = 120, L = 8, B = 22;
  const bins = system.latency.histogram;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const w = (W - 2 * L) / Math.max(1, bins.length);
  const bars = bins.map((b, i) => {
    const h = (b.count / max) * (H - B - 8);
    return `<rect x="${(L + i * w).toFixed(1)}" y="${(H - B - h).toFixed(1)}" width="${(w - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${colour}"/>`;
  }).join("");
  const top = bins.at(-1)?.toMs ?? 0;
  return `<figure><svg class="latency" viewBox="0 0 ${W} ${H}" role="img" aria-label="latency of ${esc(system.name)}">${bars}` +
    `<text x="${L}" y="${H - 6}">0</text><text x="${W - L}" y="${H - 6}" text-anchor="end">${fmt(top, 1)}+ ms</text></svg>` +
    `<figcaption>${esc(system.name)}: median ${fmt(system.latency.medianMs, 2)} ms, p95 ${fmt(system.latency.p95Ms, 2)} ms</figcaption></figure>`;
}

function overallTable(report: EvalReport): string {
  const head = ["system", "Pass Rate", "avg rounds", `Recall@${report.k}`, `NDCG@${report.k}`, "MRR", `CSR@${report.k}`, "neg. violations", "slot-F1", "latency p50 / p95 ms"];
  const rows = report.systems.map((s) => `<tr><td>${esc(s.name)}</td><td>${ci(s.passRate)}</td><td>${ci(s.averageRounds)}</td><td>${ci(s.recall)}</td><td>${ci(s.ndcg)}</td>` +
    `<td>${ci(s.mrr)}</td><td>${ci(s.csr)}</td><td>${ci(s.negativeViolation)}</td><td>${s.slotF1 ? fmt(s.slotF1.strict) : "–"}</td>` +
    `<td>${fmt(s.latency.medianMs, 2)} / ${fmt(s.latency.p95Ms, 2)}</td></tr>`).join("");
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>`;
}

function comparisonTable(report: EvalReport): string {
  if (report.comparisons.length === 0) return "<p>No baseline to compare with.</p>";
  const rows = report.comparisons.map((c) => `<tr><td>${esc(c.a)} − ${esc(c.b)}</td><td>${c.metric}</td><td>${fmt(c.meanA)}</td><td>${fmt(c.meanB)}</td>` +
    `<td>${fmt(c.difference.mean)} <small>[${fmt(c.difference.low)}, ${fmt(c.difference.high)}]</small></td><td>${fmt(c.pValue, 4)}</td></tr>`).join("");
  return `<table><thead><tr><th>pair</th><th>metric</th><th>A</th><th>B</th><th>A − B [95% CI]</th><th>p</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function turnTable(report: EvalReport): string {
  const turns = Math.max(0, ...report.systems.map((s) => s.byTurn.length));
  const head = `<tr><th>system</th>${Array.from({ length: turns }, (_, t) => `<th>turn ${t}</th>`).join("")}</tr>`;
  const rows = report.systems.map((s) => `<tr><td>${esc(s.name)}</td>${s.byTurn.map((r) => `<td>${fmt(r.recall)} <small>(${r.active}${r.csr === null ? "" : `, CSR ${fmt(r.csr, 2)}`}, ${fmt(r.latencyMedianMs, 1)} ms)</small></td>`).join("")}</tr>`).join("");
  return `<table><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

/** The whole report as one HTML document. */
export function renderEvalHtml(report: EvalReport): string {
  const title = `recbot eval · ${report.catalog} · ${report.scenario}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#111;padding:0 16px}
table{border-collapse:collapse;margin:8px 0 20px;font-variant-numeric:tabular-nums}th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}small{color:#666}svg text{font-size:11px;fill:#333}.grid{stroke:#e5e5e5}
.chart{width:100%;max-width:760px}.latencies{display:flex;flex-wrap:wrap;gap:12px}.latencies figure{margin:0;width:300px}.latencies figure:has(.funnel){width:420px}figcaption{font-size:12px}
</style></head><body><h1>${esc(title)}</h1>
<p>${report.sessions.length} simulated sessions (seed ${report.seed}), every system on the same cases and user seeds; K = ${report.k}.
Means with 95% bootstrap intervals. Best baseline: ${esc(report.bestBaseline ?? "none")}.</p>
<h2>Overall</h2>${overallTable(report)}
<h2>Recall@${report.k} by turn</h2><p>A finished session keeps its last feed's value.</p>${recallChart(report.systems, report.k)}
<h2>Pass Rate</h2>${passRateChart(report.systems)}
<h2>RecBot against the best baseline (paired, per session)</h2>${comparisonTable(report)}
<h2>Candidate funnel</h2><p>The two most frequent routes through each Planner graph.</p><div class="latencies">${report.systems.map((s, i) => (s.funnel ?? []).slice(0, 2).map((r) => funnelChart(s, r, COLOURS[i % COLOURS.length])).join("")).join("")}</div>
<h2>By turn</h2><p>Recall@${report.k} (active sessions, CSR@${report.k}, median latency).</p>${turnTable(report)}
<h2>Latency per turn</h2><div class="latencies">${report.systems.map((s, i) => latencyChart(s, COLOURS[i % COLOURS.length])).join("")}</div>
<p><small>Generated ${esc(report.createdAt)}.</small></p></body></html>
`;
}
