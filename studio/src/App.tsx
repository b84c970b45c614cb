import { useEffect, useState } from "react";
import { AnalystToken } from "./common/AnalystToken.tsx";
import { ExperimentsTab } from "./experiments/ExperimentsTab.tsx";
import { GraphEditor } from "./graph/GraphEditor.tsx";
import { Playground } from "./playground/Playground.tsx";
import { RunsInspector } from "./runs/RunsInspector.tsx";

const TABS = [
  { id: "playground", label: "Feed playground", key: "1" },
  { id: "graphs", label: "Graph editor", key: "2" },
  { id: "runs", label: "Runs", key: "3" },
  { id: "experiments", label: "Experiments", key: "4" },
] as const;
type Tab = (typeof TABS)[number]["id"];

const tabFromHash = (): Tab => (TABS.find((t) => `#${t.id}` === location.hash.split("/")[0])?.id ?? "playground");

/** The studio: a feed to try, the graphs behind it, the trace of every run, and A/B experiments. Alt+1…4 switch tabs. */
export function App() {
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [openRun, setOpenRun] = useState<string | null>(null);

  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    const onKey = (e: KeyboardEvent) => {
      const target = TABS.find((t) => e.altKey && e.key === t.key);
      if (target) {
        e.preventDefault();
        location.hash = target.id;
      }
    };
    window.addEventListener("hashchange", onHash);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("hashchange", onHash);
      window.removeEventListener("keydown", onKey);
    };
  }, []);

  const inspect = (runId: string) => {
    setOpenRun(runId);
    location.hash = "runs";
  };

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">RecBot Studio</span>
        <nav role="tablist" aria-label="Studio sections">
          {TABS.map((t) => (
            <a key={t.id} role="tab" aria-selected={tab === t.id} href={`#${t.id}`} title={`Alt+${t.key}`} className={tab === t.id ? "tab active" : "tab"}>
              {t.label}
            </a>
          ))}
        </nav>
        <AnalystToken />
      </header>
      <main className="content">
        {tab === "playground" && <Playground onInspect={inspect} />}
        {tab === "graphs" && <GraphEditor />}
        {tab === "runs" && <RunsInspector openRun={openRun} onOpen={setOpenRun} />}
        {tab === "experiments" && <ExperimentsTab />}
      </main>
    </div>
  );
}
