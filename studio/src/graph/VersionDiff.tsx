import { useEffect, useState } from "react";
import { api } from "../api.ts";
import { ErrorNote } from "../common/ErrorNote.tsx";

type Entry = { id?: string } & Record<string, unknown>;
export type Section = Partial<Record<"added" | "removed" | "changed", Entry[]>>;
export type DiffMark = "added" | "removed" | "changed";

/** How each node or edge of the version on screen differs in a diff: on `to`, added; on `from`, removed. */
export function diffMarks(diff: Record<string, Section>, onScreen: "from" | "to"): Map<string, DiffMark> {
  const marks = new Map<string, DiffMark>();
  for (const part of ["nodes", "edges"]) {
    const section = diff[part] ?? {};
    const present = onScreen === "to" ? section.added : section.removed;
    for (const entry of present ?? []) if (entry.id) marks.set(entry.id, onScreen === "to" ? "added" : "removed");
    for (const entry of section.changed ?? []) if (entry.id) marks.set(entry.id, "changed");
  }
  return marks;
}

const value = (v: unknown) => (v === undefined ? "default" : JSON.stringify(v));

const describe = (entry: Entry) => {
  const params = entry.params as { name: string; before?: unknown; after?: unknown }[] | undefined;
  const type = entry.type as { before: string; after: string } | string | undefined;
  if (Array.isArray(params)) {
    const parts = params.map((p) => `${p.name}: ${value(p.before)} → ${value(p.after)}`);
    if (type && typeof type === "object") parts.unshift(`type: ${type.before} → ${type.after}`);
    return `${entry.id} (${parts.join("; ")})`;
  }
  if (Array.isArray(entry.fields)) {
    const before = entry.before as Record<string, unknown>;
    const after = entry.after as Record<string, unknown>;
    return `${entry.id} (${(entry.fields as string[]).map((f) => `${f}: ${value(before[f])} → ${value(after[f])}`).join("; ")})`;
  }
  const { id, ...rest } = entry;
  const detail = Object.keys(rest).length ? JSON.stringify(rest) : "";
  return `${id ?? ""} ${detail.length > 160 ? `${detail.slice(0, 159)}…` : detail}`.trim();
};

/** What changed between two versions: nodes and edges added, removed or changed (params and conditions). */
export function VersionDiff({ name, from, to, onDiff }: { name: string; from: number; to: number; onDiff?: (diff: Record<string, Section>) => void }) {
  const [diff, setDiff] = useState<Record<string, Section> | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Record<string, Section>>("GET", `/api/graphs/${encodeURIComponent(name)}/diff?from=${from}&to=${to}`).then((d) => {
      setDiff(d);
      onDiff?.(d);
    }, setError);
  }, [name, from, to, onDiff]);
  if (error) return <ErrorNote error={error} />;
  if (!diff) return <p className="muted">Comparing…</p>;
  const sections = (["nodes", "edges"] as const).map((part) => [part, diff[part] ?? {}] as const);
  const empty = sections.every(([, s]) => !s.added?.length && !s.removed?.length && !s.changed?.length);
  return (
    <div className="version-diff" aria-label={`Diff v${from} → v${to}`}>
      <h4>v{from} → v{to}</h4>
      {empty && <p className="muted">No differences.</p>}
      {sections.map(([part, s]) => (["added", "removed", "changed"] as const).map((kind) => (s[kind]?.length ? (
        <div key={`${part}-${kind}`} className={`diff-${kind}`}>
          <b>{part} {kind}</b>
          <ul>{s[kind]!.map((entry, i) => <li key={i}>{describe(entry)}</li>)}</ul>
        </div>
      ) : null)))}
    </div>
  );
}
