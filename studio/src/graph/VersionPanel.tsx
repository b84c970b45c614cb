import { useCallback, useEffect, useRef, useState } from "react";
import type { GraphSpec } from "../../../graphs/graph-spec.ts";
import type { GraphVersionInfo } from "../../../server/storage/records.ts";
import { api } from "../api.ts";
import { ErrorNote } from "../common/ErrorNote.tsx";
import { when } from "../common/format.ts";
import { diffMarks, VersionDiff, type DiffMark, type Section } from "./VersionDiff.tsx";

/** Version history of a graph: open any version, compare two, export the one on screen, import a JSON file. */
export function VersionPanel({ name, current, spec, onOpen, onImported, onMarks }: {
  name: string; current: number; spec: GraphSpec | null; onOpen: (version: number) => void; onImported: () => void;
  /** what the open comparison marks on the canvas (empty when none) */
  onMarks: (marks: Map<string, DiffMark>) => void;
}) {
  const [versions, setVersions] = useState<GraphVersionInfo[]>([]);
  const [compare, setCompare] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const file = useRef<HTMLInputElement>(null);
  const showOnCanvas = useCallback((diff: Record<string, Section>) => onMarks(diffMarks(diff, compare !== null && compare < current ? "to" : "from")), [compare, current, onMarks]);
  useEffect(() => {
    if (compare === null) onMarks(new Map());
  }, [compare, onMarks]);
  useEffect(() => {
    api<GraphVersionInfo[]>("GET", `/api/graphs/${encodeURIComponent(name)}/versions`).then(setVersions, setError);
  }, [name]);

  const exportSpec = () => {
    if (!spec) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(spec, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${name}-v${current}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const importSpec = async (picked: File) => {
    setError(null);
    try {
      const parsed = JSON.parse(await picked.text());
      const target = prompt("Import as graph name (letters, digits, _ . -)", `${name}-imported`);
      if (!target) return;
      await api("POST", "/api/graphs/import", { name: target, spec: parsed, note: `imported from ${picked.name}` });
      onImported();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="versions" aria-label="Version history">
      <h3>Versions</h3>
      <ol>
        {[...versions].reverse().map((v) => (
          <li key={v.version} className={v.version === current ? "current" : ""}>
            <button className="link" onClick={() => onOpen(v.version)}>v{v.version}</button> <span className="muted small">{when(v.createdAt)}</span>
            {v.note && <div className="small">{v.note}</div>}
            {v.version !== current && <button className="link small" onClick={() => setCompare(compare === v.version ? null : v.version)}>{compare === v.version ? "hide diff" : `diff with v${current}`}</button>}
          </li>
        ))}
      </ol>
      {compare !== null && <VersionDiff name={name} from={Math.min(compare, current)} to={Math.max(compare, current)} onDiff={showOnCanvas} />}
      <div className="row">
        <button onClick={exportSpec}>Export JSON</button>
        <button onClick={() => file.current?.click()}>Import JSON…</button>
        <input ref={file} type="file" accept="application/json,.json" hidden onChange={(e) => e.target.files?.[0] && void importSpec(e.target.files[0])} />
      </div>
      <ErrorNote error={error} onDismiss={() => setError(null)} />
    </section>
  );
}
