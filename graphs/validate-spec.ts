import { GraphSpecError } from "./graph-spec-error.ts";
import { inspectSpec, type CheckedSpec } from "./spec-problems.ts";

export type { CheckedEdge, CheckedNode, CheckedSpec } from "./spec-problems.ts";

/** Checks a spec from shape to reachability; throws the first problem `specProblems` finds as a `GraphSpecError`. */
export function validateSpec(raw: unknown): CheckedSpec {
  const { problems, checked } = inspectSpec(raw);
  if (checked) return checked;
  const [first] = problems;
  throw new GraphSpecError(first.code, first.message, { nodeId: first.nodeId, edgeId: first.edgeId });
}
