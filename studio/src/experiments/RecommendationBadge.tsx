import type { Recommendation } from "../../../experiments/statistics/analysis-schema.ts";
import { Badge } from "./Badge.tsx";
import { recommendationTone } from "./tones.ts";

/** ship / do not ship / keep running / investigate, coloured by what it means for the treatment. */
export function RecommendationBadge({ recommendation }: { recommendation: Recommendation["recommendation"] }) {
  return <Badge tone={recommendationTone[recommendation]}>{recommendation.replace(/-/g, " ")}</Badge>;
}
