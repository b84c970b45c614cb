import type { EdgeChange, NodeChange } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { GraphSpec } from "../../../graphs/graph-spec.ts";
import type { GraphVersionInfo, GraphVersionRecord } from "../../../server/storage/records.ts";
import { api, ApiFailure } from "../api.ts";
import { ErrorNote } from "../common/ErrorNote.tsx";
import { GraphCanvas, NODE_TYPE_MIME } from "./GraphCanvas.tsx";
import { Inspector } from "./Inspector.tsx";
import { addNode, autoLayout, connect, moveNode, removeElement } from "./spec-edits.ts";
import type { DiffMark } from "./VersionDiff.tsx";
import { VersionPanel } from "./VersionPanel.tsx";

export interface PaletteEntry {
  id: string;
  kind: string;
  description: string;
  params: Record<string, unknown>;
}

interface Problem {
  message: string;
  nodeId?: string;
  edgeId?: string;
}

/** Edit a saved graph: palette, canvas, a form per node, validation on the nodes as you edit, undo/redo, save as a version. */
export function GraphEditor() {
  const [graphs, setGraphs] = useState<GraphVersionInfo[]>([]);
  const [name, setName] = useState("planner");
  const [base, setBase] = useState<GraphVersionRecord | null>(null);
  const [history, setHistory] = useState<{ stack: GraphSpec[]; at: number }>({ stack: [], at: -1 });
  const [selected, setSelected] = useState<string | null>(null);
  const [palette, setPalette] = useState<PaletteEntry[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [versionsKey, setVersionsKey] = useState(0);
  const [diff, setDiff] = useState<Map<string, DiffMark>>(new Map());
  const spec = history.stack[history.at] ?? null;
  const dirty = base !== null && spec !== null && JSON.stringify(spec) !== JSON.stringify(base.spec);

  const edit = useCallback((change: (s: GraphSpec) => GraphSpec) => {
    setHistory((h) => {
      const current = h.stack[h.at];
      if (!current) return h;
      const next = change(current);
      if (next === current) return h;
      return { stack: [...h.stack.slice(0, h.at + 1), next].slice(-200), at: Math.min(h.at + 1, 199) };
    });
  }, []);
  const undo = () => setHistory((h) => ({ ...h, at: Math.max(0, h.at - 1) }));
  const redo = () => setHistory((h) => ({ ...h, at: Math.min(h.stack.length - 1, h.at + 1) }));

  const open = useCallback(async (graph: string, version?: number) => {
    setError(null);
    setStatus(null);
    try {
      const record = await api<GraphVersionRecord>("GET", version ? `/api/graphs/${encodeURIComponent(graph)}/versions/${version}` : `/api/graphs/${encodeURIComponent(graph)}`);
      setBase(record);
      setHistory({ stack: [record.spec], at: 0 });
      setSelected(null);
      setPalette(await api<PaletteEntry[]>("GET", `/api/graphs/palette/${record.kind}`));
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    api<GraphVersionInfo[]>("GET", "/api/graphs").then(setGraphs, setError);
  }, [versionsKey]);
  useEffect(() => {
    void open(name);
  }, [name, open]);

  // validation as you edit: every problem, shown on its node or edge
  useEffect(() => {
    if (!spec) return;
    const timer = setTimeout(() => {
      api<{ ok: boolean; problems: Problem[] }>("POST", "/api/graphs/validate", { spec }).then(
        (r) => setProblems(r.problems),
        (e) => setProblems(e instanceof ApiFailure && e.status === 404 ? [] : [{ message: e instanceof Error ? e.message : String(e) }]),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [spec]);

  const save = async () => {
    if (!spec || !base) return;
    setError(null);
    try {
      const saved = await api<GraphVersionRecord>("POST", `/api/graphs/${encodeURIComponent(base.name)}/versions`, { spec, note });
      setBase(saved);
      setNote("");
      setStatus(`Saved ${saved.name} v${saved.version}`);
      setVersionsKey((k) => k + 1);
    } catch (e) {
      setError(e);
    }
  };

  const keys = useRef({ undo, redo, save, remove: () => selected && edit((s) => removeElement(s, selected)) });
  keys.current = { undo, redo, save, remove: () => selected && edit((s) => removeElement(s, selected)) };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k === "z" && !e.shiftKey) keys.current.undo();
      else if (k === "y" || (k === "z" && e.shiftKey)) keys.current.redo();
      else if (k === "s") void keys.current.save();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const onNodesChange = (changes: NodeChange[]) => {
    for (const change of changes) {
      if (change.type === "position" && change.position && !change.dragging) edit((s) => moveNode(s, change.id, change.position!));
      if (change.type === "remove") edit((s) => removeElement(s, change.id));
    }
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    for (const change of changes) if (change.type === "remove") edit((s) => removeElement(s, change.id));
  };

  const place = (type: string, at: { x: number; y: number }) => {
    if (!spec) return;
    const added = addNode(spec, type, at);
    edit(() => added.spec);
    setSelected(added.id);
  };

  const problemMap = new Map(problems.flatMap((p) => (p.nodeId ? [[p.nodeId, p.message] as const] : p.edgeId ? [[p.edgeId, p.message] as const] : [])));
  const loose = problems.filter((p) => !p.nodeId && !p.edgeId);

  return (
    <div className="editor">
      <aside className="panel palette-panel">
        <label>
          Graph
          <select aria-label="Graph" value={name} onChange={(e) => setName(e.target.value)}>
            {graphs.map((g) => <option key={g.name} value={g.name}>{g.name} ({g.kind}, v{g.version})</option>)}
          </select>
        </label>
        <h3>Add a node</h3>
        <ul className="palette" aria-label="Palette">
          {palette.filter((p) => p.kind !== "terminal").map((p) => (
            <li key={p.id}>
              <button title={`${p.description} (click to add, or drag onto the canvas)`} draggable
                onDragStart={(e) => { e.dataTransfer.setData(NODE_TYPE_MIME, p.id); e.dataTransfer.effectAllowed = "copy"; }}
                onClick={() => spec && place(p.id, { x: 100 + 40 * (spec.nodes.length % 6), y: 260 })}>
                + {p.id}
              </button>
            </li>
          ))}
        </ul>
        <p className="muted small">Click or drag a node type onto the canvas. Drag from a node’s right handle to another node to connect. Delete removes the selection. Ctrl+Z / Ctrl+Shift+Z undo and redo, Ctrl+S saves.</p>
      </aside>
      <section className="panel canvas-panel">
        <div className="toolbar">
          <button onClick={undo} disabled={history.at <= 0}>Undo</button>
          <button onClick={redo} disabled={history.at >= history.stack.length - 1}>Redo</button>
          <button onClick={() => edit(autoLayout)}>Auto-layout</button>
          <span className={problems.length ? "validity bad" : "validity ok"} role="status">{problems.length ? `${problems.length} problem(s)` : "valid"}</span>
          {dirty && <span className="muted">unsaved changes to v{base?.version}</span>}
          {status && <span className="status">{status}</span>}
        </div>
        {loose.map((p, i) => <div key={i} className="error-note">{p.message}</div>)}
        <ErrorNote error={error} onDismiss={() => setError(null)} />
        {spec && (
          <GraphCanvas spec={spec} editable marks={{ problems: problemMap, selected, diff }} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
            onConnect={(c) => c.source && c.target && edit((s) => connect(s, c.source!, c.target!))} onSelect={setSelected} onDropType={place} />
        )}
      </section>
      <aside className="panel inspector-panel">
        {spec && <Inspector spec={spec} selected={selected} palette={palette} problems={problemMap} edit={edit} />}
        <section className="save-box" aria-label="Save">
          <h3>Save as a new version</h3>
          <input aria-label="Version note" placeholder="What changed, and why" value={note} onChange={(e) => setNote(e.target.value)} />
          <button className="primary" onClick={() => void save()} disabled={!dirty || problems.length > 0}>Save version</button>
        </section>
        {base && <VersionPanel key={`${base.name}-${versionsKey}`} name={base.name} current={base.version} spec={spec} onOpen={(v) => void open(base.name, v)} onImported={() => setVersionsKey((k) => k + 1)} onMarks={setDiff} />}
      </aside>
    </div>
  );
}
