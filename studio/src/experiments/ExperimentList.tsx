import { useRef, type KeyboardEvent } from "react";
import type { ExperimentRecord } from "../../../schemas/experiment.ts";
import { dateTime } from "../common/format.ts";
import { Badge } from "./Badge.tsx";
import { statusTone } from "./tones.ts";
import type { MetricInfo } from "./useMetricInfo.ts";

const pins = (graphs: ExperimentRecord["variants"][number]["graphs"]) =>
  [graphs.parser, graphs.planner].filter((g) => g !== undefined).map((g) => `${g.name} v${g.version}`).join(" + ");

/** Every experiment, newest first. ↑/↓ (Home/End) move between them, Enter or Space opens one. */
export function ExperimentList({ experiments, selected, metrics, onOpen }: {
  experiments: ExperimentRecord[]; selected: string | null; metrics: MetricInfo[]; onOpen: (id: string) => void;
}) {
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const focusable = Math.max(0, experiments.findIndex((e) => e.id === selected));

  const onKey = (e: KeyboardEvent, i: number) => {
    const target = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: experiments.length - 1 }[e.key];
    if (target !== undefined) {
      e.preventDefault();
      items.current[Math.min(experiments.length - 1, Math.max(0, target))]?.focus();
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onOpen(experiments[i].id);
    }
  };

  if (experiments.length === 0) return <p className="muted">No experiments yet. Create one to compare saved graph versions on live traffic.</p>;
  return (
    <ul className="experiment-list" role="listbox" aria-label="Experiments">
      {experiments.map((x, i) => (
        <li key={x.id} ref={(el) => { items.current[i] = el; }} role="option" aria-selected={x.id === selected} tabIndex={i === focusable ? 0 : -1}
          className={x.id === selected ? "selected" : ""} onClick={() => onOpen(x.id)} onKeyDown={(e) => onKey(e, i)}>
          <div className="experiment-title"><b>{x.name}</b> <Badge tone={statusTone[x.status]}>{x.status}</Badge></div>
          <div className="small">{x.variants.map((v) => `${v.name}: ${pins(v.graphs)}`).join(" · ")}</div>
          <div className="small muted">
            primary: {metrics.find((m) => m.id === x.primaryMetric)?.label ?? x.primaryMetric} · created {dateTime(x.createdAt)}
            {x.startedAt !== null && ` · started ${dateTime(x.startedAt)}`}
          </div>
        </li>
      ))}
    </ul>
  );
}
