import type { ExperimentAnalysis } from "../../../experiments/statistics/analysis-schema.ts";
import { RecommendationBadge } from "./RecommendationBadge.tsx";
import { formatLevel, formatP } from "./stat-format.ts";

/** What to do, first: the summary, each treatment's recommendation, and a warning when the sample ratio is off. */
export function DecisionSummary({ analysis }: { analysis: ExperimentAnalysis }) {
  const { summary, srm } = analysis;
  const total = srm.observed.reduce((s, n) => s + n, 0);
  // with one treatment its recommendation is the summary: say it once
  const only = summary.recommendations.length === 1 ? summary.recommendations[0] : null;
  return (
    <section className={`decision-summary${summary.trustworthy ? "" : " untrusted"}`} aria-label="Decision">
      {srm.mismatch && (
        <div className="srm-banner" role="alert">
          <b>Sample ratio mismatch</b> (p {formatP(srm.pValue)}): {srm.variants.map((v, i) => `${v} ${srm.observed[i]} users, expected ${srm.expected[i].toFixed(1)}`).join("; ")}.
          {summary.trustworthy ? "" : " These results cannot be trusted until assignment and logging are checked."}
        </div>
      )}
      {only ? (
        <p className="summary-text"><RecommendationBadge recommendation={only.recommendation} /> {summary.text}</p>
      ) : (
        <>
          <p className="summary-text">{summary.text}</p>
          <ul className="recommendations">
            {summary.recommendations.map((r) => (
              <li key={r.treatment}><RecommendationBadge recommendation={r.recommendation} /> <b>{r.treatment}</b> vs {analysis.control}: {r.text}</li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">
        {summary.trustworthy ? `Sample ratio as configured (${total} users, p ${formatP(srm.pValue)})` : "Not trustworthy"} · always-valid tests at α = {analysis.alpha} ·
        fixed-horizon intervals at {formatLevel(analysis.level)}
      </p>
    </section>
  );
}
