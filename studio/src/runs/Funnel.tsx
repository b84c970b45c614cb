import type { StepEvent } from "../../../graphs/step-events.ts";

/** Candidates in → out per Planner node, as bars on a log scale (a catalog of 20,000 narrowed to 10 stays readable). */
export function Funnel({ events }: { events: StepEvent[] }) {
  const rows = events.flatMap((e) => (e.type === "node_end" && e.candidates ? [{ node: e.nodeId, in: e.candidates.in, out: e.candidates.out }] : []));
  if (rows.length === 0) return null;
  const max = Math.max(...rows.map((r) => r.in), 1);
  const width = (n: number) => (n <= 0 ? 0 : (Math.log10(n + 1) / Math.log10(max + 1)) * 240);
  return (
    <figure className="funnel">
      <figcaption>Candidate funnel</figcaption>
      <svg viewBox={`0 0 420 ${rows.length * 34 + 6}`} role="img" aria-label="Candidates per node">
        {rows.map((r, i) => (
          <g key={i} transform={`translate(0 ${i * 34 + 4})`}>
            <text x="0" y="18" fontSize="12">{r.node}</text>
            <rect x="100" y="4" height="12" width={width(r.in)} fill="#c9d6ef" />
            <rect x="100" y="16" height="12" width={width(r.out)} fill="#3a6fd8" />
            <text x={110 + width(r.in)} y="15" fontSize="10">{r.in.toLocaleString()} in</text>
            <text x={110 + width(r.out)} y="27" fontSize="10">{r.out.toLocaleString()} out</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
