import type { MetricDefinition } from "../../../experiments/statistics/analysis-schema.ts";
import { when } from "../common/format.ts";
import { differenceSeries } from "./metric-series.ts";
import { formatTick } from "./stat-format.ts";
import { SERIES_COLOURS } from "./tones.ts";
import type { Look } from "./useExperimentResults.ts";

const W = 420;
const H = 150;
const PAD = { left: 62, right: 10, top: 10, bottom: 20 };

/**
 * Treatment − control on one metric over the looks so far: the estimate as a line inside its always-valid
 * confidence sequence (a band that may be read at every look), and the zero line it must leave to count.
 */
export function DifferenceChart({ metric, control, looks }: { metric: MetricDefinition; control: string; looks: Look[] }) {
  const series = [...differenceSeries(looks, metric.id)];
  const points = series.flatMap(([, p]) => p);
  if (points.length === 0) return null;
  const t0 = Math.min(...points.map((p) => p.at));
  const t1 = Math.max(...points.map((p) => p.at));
  // scaled to the estimates and the latest band, so the wide bands of the first looks do not flatten the rest;
  // those are clipped to the plot
  const latest = series.map(([, p]) => p.at(-1)!);
  const lo = Math.min(0, ...points.map((p) => p.estimate), ...latest.map((p) => p.low));
  const hi = Math.max(0, ...points.map((p) => p.estimate), ...latest.map((p) => p.high));
  const span = hi - lo || 1;
  const clipId = `clip-${metric.id}`;
  const x = (at: number) => (t1 === t0 ? (PAD.left + W - PAD.right) / 2 : PAD.left + ((at - t0) / (t1 - t0)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + ((hi + span * 0.05 - v) / (span * 1.1)) * (H - PAD.top - PAD.bottom);
  const treatments = series.map(([t]) => t).join(", ");

  return (
    <figure className="difference-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${metric.label}: ${treatments} − ${control} over time`}>
        <clipPath id={clipId}><rect x={PAD.left} y={PAD.top} width={W - PAD.left - PAD.right} height={H - PAD.top - PAD.bottom} /></clipPath>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#9aa4b2" strokeDasharray="4 3" />
        <text x={PAD.left - 4} y={y(0) + 4} fontSize="10" textAnchor="end">0</text>
        {[hi, lo].filter((v) => Math.abs(y(v) - y(0)) > 12).map((v) => (
          <text key={v} x={PAD.left - 4} y={y(v) + 4} fontSize="10" textAnchor="end">{formatTick(v, span, metric.format)}</text>
        ))}
        <text x={PAD.left} y={H - 4} fontSize="10">{when(t0)}</text>
        {t1 !== t0 && <text x={W - PAD.right} y={H - 4} fontSize="10" textAnchor="end">{when(t1)}</text>}
        {series.map(([treatment, p], i) => {
          const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
          const last = p.at(-1)!;
          return (
            <g key={treatment} clipPath={`url(#${clipId})`}>
              {p.length > 1 ? (
                <polygon points={[...p.map((q) => `${x(q.at)},${y(q.high)}`), ...[...p].reverse().map((q) => `${x(q.at)},${y(q.low)}`)].join(" ")} fill={colour} opacity="0.15" />
              ) : (
                <rect x={x(last.at) - 4} width="8" y={y(last.high)} height={Math.max(1, y(last.low) - y(last.high))} fill={colour} opacity="0.2" />
              )}
              <polyline points={p.map((q) => `${x(q.at)},${y(q.estimate)}`).join(" ")} fill="none" stroke={colour} strokeWidth="2" />
              <circle cx={x(last.at)} cy={y(last.estimate)} r="3" fill={colour} />
              {series.length > 1 && <text x={PAD.left + 6 + i * 60} y={PAD.top + 8} fontSize="10" fill={colour}>{treatment}</text>}
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">Δ vs {control} with its always-valid confidence sequence, per look</figcaption>
    </figure>
  );
}
