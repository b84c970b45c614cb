import { useMemo, useState, type FormEvent } from "react";
import type { ExperimentRecord } from "../../../schemas/experiment.ts";
import { api } from "../api.ts";
import { ErrorNote } from "../common/ErrorNote.tsx";
import { definitionOf, draftOf, newDraft, newVariant, type ExperimentDraft, type VariantDraft } from "./experiment-draft.ts";
import { errorsAt, fieldErrorsOf, invalidProps } from "./field-errors.ts";
import { FieldError } from "./FieldError.tsx";
import { MetricChoice } from "./MetricChoice.tsx";
import type { MetricInfo } from "./useMetricInfo.ts";
import { useSavedGraphs } from "./useSavedGraphs.ts";
import { VariantRow } from "./VariantRow.tsx";

const MIN_VARIANTS = 2;
const MAX_VARIANTS = 8;

/**
 * An experiment's definition: editable while it is a draft (saved with POST, then PUT), read-only once started.
 * The server validates; its messages are shown beside the fields they name.
 */
export function ExperimentEditor({ experiment, metrics, onSaved }: {
  experiment: ExperimentRecord | null; metrics: MetricInfo[]; onSaved: (saved: ExperimentRecord) => void;
}) {
  const [draft, setDraft] = useState<ExperimentDraft>(() => (experiment ? draftOf(experiment) : newDraft()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { graphs, error: graphsError } = useSavedGraphs();
  const errors = useMemo(() => fieldErrorsOf(error), [error]);
  const readOnly = experiment !== null && experiment.status !== "draft";

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = definitionOf(draft);
      onSaved(experiment ? await api<ExperimentRecord>("PUT", `/api/experiments/${experiment.id}`, body) : await api<ExperimentRecord>("POST", "/api/experiments", body));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const setVariant = (i: number, v: VariantDraft) => setDraft({ ...draft, variants: draft.variants.map((old, j) => (j === i ? v : old)) });
  const described = (path: string) => invalidProps(`${path}-error`, errorsAt(errors, path));

  return (
    <form className="experiment-editor" aria-label="Experiment definition" onSubmit={save}>
      {readOnly && <p className="muted">Started experiments cannot change; draft a new one to test another variant.</p>}
      <fieldset disabled={readOnly || busy}>
        <label>
          Name
          <input aria-label="Experiment name" value={draft.name} maxLength={120} {...described("name")} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        <FieldError id="name-error" messages={errorsAt(errors, "name")} />
        <label>
          Description
          <textarea aria-label="Description" rows={2} value={draft.description} maxLength={2000} {...described("description")} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
        </label>
        <FieldError id="description-error" messages={errorsAt(errors, "description")} />

        <h3>Variants <span className="muted small">(the first is the control)</span></h3>
        <div className="variant-rows" aria-label="Variants">
          {draft.variants.map((v, i) => (
            <VariantRow key={v.key} index={i} variant={v} graphs={graphs} errors={errors} canRemove={draft.variants.length > MIN_VARIANTS}
              onChange={(next) => setVariant(i, next)} onRemove={() => setDraft({ ...draft, variants: draft.variants.filter((_, j) => j !== i) })} />
          ))}
        </div>
        <FieldError id="variants-error" messages={errors.get("variants") ?? []} />
        <button type="button" disabled={draft.variants.length >= MAX_VARIANTS}
          onClick={() => setDraft({ ...draft, variants: [...draft.variants, newVariant(draft.variants.map((v) => v.name))] })}>
          Add variant
        </button>

        <h3>Metrics</h3>
        <MetricChoice metrics={metrics} primary={draft.primaryMetric} guardrails={draft.guardrails} errors={errors}
          onChange={(primaryMetric, guardrails) => setDraft({ ...draft, primaryMetric, guardrails })} />
      </fieldset>
      <ErrorNote error={graphsError} />
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      {!readOnly && (
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>{busy ? "Saving…" : "Save experiment"}</button>
          {experiment && <span className="muted small">A draft until started; saving replaces its definition.</span>}
        </div>
      )}
    </form>
  );
}
