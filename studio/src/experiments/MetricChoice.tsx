import { errorsAt, type FieldErrors } from "./field-errors.ts";
import { FieldError } from "./FieldError.tsx";
import type { MetricInfo } from "./useMetricInfo.ts";

const direction = (m: MetricInfo) => (m.direction === "higher-is-better" ? "higher is better" : "lower is better");
const hint = (m: MetricInfo) => `${m.description} (${direction(m)})`;

/** The primary metric that decides shipping, and the guardrails that must not get worse; each with the server's description. */
export function MetricChoice({ metrics, primary, guardrails, errors, onChange }: {
  metrics: MetricInfo[]; primary: string; guardrails: string[]; errors: FieldErrors;
  onChange: (primary: string, guardrails: string[]) => void;
}) {
  const chosen = metrics.find((m) => m.id === primary);
  const primaryErrors = errorsAt(errors, "primaryMetric");
  const guardrailErrors = errorsAt(errors, "guardrails");
  return (
    <div className="metric-choice">
      <label>
        Primary metric
        <select aria-label="Primary metric" aria-describedby={primaryErrors.length ? "primary-metric-hint primary-metric-error" : "primary-metric-hint"}
          aria-invalid={primaryErrors.length > 0 || undefined} value={primary}
          onChange={(e) => onChange(e.target.value, guardrails.filter((g) => g !== e.target.value))}>
          {metrics.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
        </select>
      </label>
      <small id="primary-metric-hint" className="hint">{chosen ? hint(chosen) : ""}</small>
      <FieldError id="primary-metric-error" messages={primaryErrors} />
      <fieldset className="guardrails" aria-describedby={guardrailErrors.length ? "guardrails-error" : undefined}>
        <legend>Guardrails <span className="muted small">(must not get worse)</span></legend>
        {metrics.map((m) => (
          <div key={m.id} className="check">
            <input id={`guardrail-${m.id}`} type="checkbox" aria-describedby={`guardrail-${m.id}-hint`} disabled={m.id === primary}
              checked={guardrails.includes(m.id)}
              onChange={(e) => onChange(primary, e.target.checked ? [...guardrails, m.id] : guardrails.filter((g) => g !== m.id))} />
            <label htmlFor={`guardrail-${m.id}`}>{m.label}{m.id === primary && <span className="muted"> (primary)</span>}</label>
            <small id={`guardrail-${m.id}-hint`} className="hint">{hint(m)}</small>
          </div>
        ))}
        <FieldError id="guardrails-error" messages={guardrailErrors} />
      </fieldset>
    </div>
  );
}
