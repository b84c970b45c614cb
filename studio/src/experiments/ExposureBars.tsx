import type { ExposureCount } from "../../../schemas/experiment.ts";

/** Users and feeds served per variant as bars, each measure on its own scale (an uneven split shows at a glance). */
export function ExposureBars({ exposures }: { exposures: ExposureCount[] }) {
  const maxUsers = Math.max(1, ...exposures.map((e) => e.users));
  const maxFeeds = Math.max(1, ...exposures.map((e) => e.exposures));
  const width = (n: number, max: number) => (n / max) * 220;
  return (
    <svg className="exposure-bars" viewBox={`0 0 380 ${exposures.length * 34 + 6}`} role="img" aria-label="Exposures per variant">
      {exposures.map((e, i) => (
        <g key={e.variant} transform={`translate(0 ${i * 34 + 4})`}>
          <text x="0" y="18" fontSize="12">{e.variant}</text>
          <rect x="70" y="4" height="12" width={width(e.users, maxUsers)} fill="#c9d6ef" />
          <rect x="70" y="16" height="12" width={width(e.exposures, maxFeeds)} fill="#3a6fd8" />
          <text x={76 + width(e.users, maxUsers)} y="14" fontSize="10">{e.users} users</text>
          <text x={76 + width(e.exposures, maxFeeds)} y="27" fontSize="10">{e.exposures} feeds</text>
        </g>
      ))}
    </svg>
  );
}
