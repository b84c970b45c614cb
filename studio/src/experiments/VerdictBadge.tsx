import type { MetricDecision } from "../../../experiments/statistics/analysis-schema.ts";
import { Badge } from "./Badge.tsx";
import { verdictTone } from "./tones.ts";

/** A metric's verdict for one treatment; a breached guardrail is always red. The decision text is its tooltip. */
export function VerdictBadge({ decision }: { decision: MetricDecision }) {
  const { verdict, guardrailBreached, text } = decision;
  return (
    <Badge tone={guardrailBreached ? "bad" : verdictTone[verdict]} title={text}>
      {verdict.replace(/-/g, " ")}{guardrailBreached ? " · guardrail breached" : ""}
    </Badge>
  );
}
