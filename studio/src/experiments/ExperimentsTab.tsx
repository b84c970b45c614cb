import { useCallback, useEffect, useState } from "react";
import type { ExperimentRecord } from "../../../schemas/experiment.ts";
import { api } from "../api.ts";
import { ErrorNote } from "../common/ErrorNote.tsx";
import { ExperimentEditor } from "./ExperimentEditor.tsx";
import { ExperimentList } from "./ExperimentList.tsx";
import { ExperimentView } from "./ExperimentView.tsx";
import { useMetricInfo } from "./useMetricInfo.ts";

/** `#experiments/<id>` opens an experiment, `#experiments/new` a blank definition; reloading keeps the choice. */
const selectionFromHash = () => decodeURIComponent(location.hash.split("/")[1] ?? "") || null;
const open = (id: string) => {
  location.hash = `experiments/${encodeURIComponent(id)}`;
};

/** A/B experiments of saved graph versions: the list, and the one opened (its editor, actions and live results). */
export function ExperimentsTab() {
  const [experiments, setExperiments] = useState<ExperimentRecord[]>([]);
  const [selected, setSelected] = useState<string | null>(selectionFromHash);
  const [error, setError] = useState<unknown>(null);
  const { metrics, error: metricsError } = useMetricInfo();

  const reload = useCallback(() => {
    api<ExperimentRecord[]>("GET", "/api/experiments").then((list) => {
      setExperiments(list);
      setError(null);
    }, setError);
  }, []);
  useEffect(reload, [reload]);
  useEffect(() => {
    const onHash = () => setSelected(selectionFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const changed = (record: ExperimentRecord) => {
    setExperiments((list) => (list.some((x) => x.id === record.id) ? list.map((x) => (x.id === record.id ? record : x)) : [record, ...list]));
    open(record.id);
  };
  const current = experiments.find((x) => x.id === selected);

  return (
    <div className="experiments">
      <section className="panel">
        <div className="toolbar">
          <button className="primary" onClick={() => open("new")}>New experiment</button>
          <button onClick={reload}>Refresh</button>
        </div>
        <ErrorNote error={error} onDismiss={() => setError(null)} />
        <ErrorNote error={metricsError} />
        <ExperimentList experiments={experiments} selected={selected} metrics={metrics} onOpen={open} />
      </section>
      <section className="panel experiment-main">
        {selected === "new" ? (
          <>
            <h2>New experiment</h2>
            <ExperimentEditor experiment={null} metrics={metrics} onSaved={changed} />
          </>
        ) : current ? (
          <ExperimentView key={current.id} experiment={current} metrics={metrics} onChanged={changed} />
        ) : (
          <p className="muted">Select an experiment, or create one: two or more saved graph versions on a share of new sessions each.</p>
        )}
      </section>
    </div>
  );
}
