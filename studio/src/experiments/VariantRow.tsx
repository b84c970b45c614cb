import { ExperimentVariant } from "../../../schemas/experiment.ts";
import { errorsAt, invalidProps, type FieldErrors } from "./field-errors.ts";
import { pinsOf, type Agent, type AgentChoice, type VariantDraft } from "./experiment-draft.ts";
import { FieldError } from "./FieldError.tsx";
import type { SavedGraphs } from "./useSavedGraphs.ts";

const AGENT_CHOICES: { value: AgentChoice; label: string }[] = [
  { value: "planner", label: "planner" },
  { value: "parser", label: "parser" },
  { value: "both", label: "parser + planner" },
];

/** One variant: its name, the saved graph versions it pins (of the agent's kind only) and its traffic weight. */
export function VariantRow({ index, variant, graphs, errors, canRemove, onChange, onRemove }: {
  index: number; variant: VariantDraft; graphs: SavedGraphs; errors: FieldErrors; canRemove: boolean;
  onChange: (v: VariantDraft) => void; onRemove: () => void;
}) {
  const title = `Variant ${index + 1}`;
  const path = `variants.${index}`;
  const errorId = (field: string) => `variant-${variant.key}-${field}-error`;
  const field = (name: string, messages: string[]) => invalidProps(errorId(name), messages);
  const nameErrors = errorsAt(errors, `${path}.name`);
  const weightErrors = errorsAt(errors, `${path}.weight`);
  // a refinement of the whole `graphs` object (no pin at all) has this exact path
  const graphsErrors = errors.get(`${path}.graphs`) ?? [];

  const pinControls = (agent: Agent) => {
    const pin = variant[agent];
    const saved = graphs[agent];
    const versions = saved.find((g) => g.name === pin.name)?.versions ?? [];
    const pinErrors = errorsAt(errors, `${path}.graphs.${agent}`);
    const setPin = (name: string, version: string) => onChange({ ...variant, [agent]: { name, version } });
    return (
      <div className="pin" key={agent}>
        <select aria-label={`${title} ${agent} graph`} value={pin.name} {...field(agent, pinErrors)}
          onChange={(e) => setPin(e.target.value, String(saved.find((g) => g.name === e.target.value)?.versions.at(-1)?.version ?? ""))}>
          <option value="">{agent} graph…</option>
          {saved.map((g) => <option key={g.name} value={g.name}>{g.name}</option>)}
        </select>
        <select aria-label={`${title} ${agent} version`} value={pin.version} disabled={!pin.name} {...field(agent, pinErrors)} onChange={(e) => setPin(pin.name, e.target.value)}>
          <option value="">version…</option>
          {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}{v.note ? ` — ${v.note}` : ""}</option>)}
        </select>
        <FieldError id={errorId(agent)} messages={pinErrors} />
      </div>
    );
  };

  return (
    <div className="variant-row" role="group" aria-label={title}>
      <span className="variant-index">{index + 1}{index === 0 && <small className="muted"> control</small>}</span>
      <div className="variant-field">
        <input aria-label={`${title} name`} title={ExperimentVariant.shape.name.description} value={variant.name} maxLength={40} {...field("name", nameErrors)}
          onChange={(e) => onChange({ ...variant, name: e.target.value })} />
        <FieldError id={errorId("name")} messages={nameErrors} />
      </div>
      <div className="variant-field">
        <select aria-label={`${title} agent`} title={ExperimentVariant.shape.graphs.description} value={variant.agents} {...field("graphs", graphsErrors)}
          onChange={(e) => onChange({ ...variant, agents: e.target.value as AgentChoice })}>
          {AGENT_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
        <FieldError id={errorId("graphs")} messages={graphsErrors} />
      </div>
      <div className="variant-pins">{pinsOf(variant.agents).map(pinControls)}</div>
      <div className="variant-field">
        <input aria-label={`${title} weight`} title={ExperimentVariant.shape.weight.description} type="number" min="0" step="any" className="weight"
          value={variant.weight} {...field("weight", weightErrors)} onChange={(e) => onChange({ ...variant, weight: e.target.value })} />
        <FieldError id={errorId("weight")} messages={weightErrors} />
      </div>
      <button type="button" className="link" aria-label={`Remove variant ${index + 1}`} disabled={!canRemove} onClick={onRemove}>remove</button>
    </div>
  );
}
