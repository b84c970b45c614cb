import { useEffect, useState } from "react";
import type { GraphVersionInfo } from "../../../server/storage/records.ts";
import { api, type StoredUser } from "../api.ts";
import { ErrorNote } from "../common/ErrorNote.tsx";

export interface GraphPick {
  name: string;
  version?: number;
}

export interface SessionChoice {
  sessionId: string;
  catalog: string;
  catalogUser: string | null;
  parser: GraphPick;
  planner: GraphPick;
}

interface CatalogInfo {
  id: string;
  default: boolean;
  status: string;
  name?: string;
  items?: number;
}

interface CatalogUser {
  id: string;
  historyLength: number;
  recent: string[];
}

/** Picks who the feed is for (a catalog user with history, or nobody) and which graph versions run; starts a session. */
export function SessionSetup({ user, current, onStart }: { user: StoredUser | null; current: SessionChoice | null; onStart: (choice: SessionChoice) => void }) {
  const [catalogs, setCatalogs] = useState<CatalogInfo[]>([]);
  const [catalog, setCatalog] = useState("");
  const [users, setUsers] = useState<CatalogUser[]>([]);
  const [graphs, setGraphs] = useState<GraphVersionInfo[]>([]);
  const [versions, setVersions] = useState<Record<string, GraphVersionInfo[]>>({});
  const [catalogUser, setCatalogUser] = useState("");
  const [parser, setParser] = useState<GraphPick>({ name: "parser" });
  const [planner, setPlanner] = useState<GraphPick>({ name: "planner" });
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api<CatalogInfo[]>("GET", "/api/catalogs").then((list) => {
      setCatalogs(list);
      setCatalog(list.find((c) => c.default)?.id ?? list[0]?.id ?? "");
    }, setError);
    api<GraphVersionInfo[]>("GET", "/api/graphs").then(setGraphs, setError);
  }, []);
  useEffect(() => {
    if (!catalog) return;
    setCatalogUser("");
    api<CatalogUser[]>("GET", `/api/catalog/users?limit=30&catalog=${encodeURIComponent(catalog)}`).then(setUsers, setError);
  }, [catalog]);
  useEffect(() => {
    for (const name of [parser.name, planner.name]) {
      api<GraphVersionInfo[]>("GET", `/api/graphs/${encodeURIComponent(name)}/versions`).then((v) => setVersions((all) => ({ ...all, [name]: v })), setError);
    }
  }, [parser.name, planner.name]);

  const start = async () => {
    if (!user) return;
    setError(null);
    try {
      const graphChoice = { parser: { name: parser.name, version: parser.version }, planner: { name: planner.name, version: planner.version } };
      const session = await api<{ id: string }>("POST", "/api/sessions", { catalog, catalogUser: catalogUser || null, graphs: graphChoice }, user.token);
      onStart({ sessionId: session.id, catalog, catalogUser: catalogUser || null, parser, planner });
    } catch (e) {
      setError(e);
    }
  };

  const graphSelect = (kind: "parser" | "planner", pick: GraphPick, set: (p: GraphPick) => void) => (
    <div className="field-row">
      <label>
        {kind}
        <select aria-label={`${kind} graph`} value={pick.name} onChange={(e) => set({ name: e.target.value })}>
          {graphs.filter((g) => g.kind === kind).map((g) => <option key={g.name} value={g.name}>{g.name}</option>)}
        </select>
      </label>
      <label>
        version
        <select aria-label={`${kind} version`} value={pick.version ?? ""} onChange={(e) => set({ ...pick, version: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">latest</option>
          {(versions[pick.name] ?? []).map((v) => <option key={v.version} value={v.version}>v{v.version}{v.note ? ` — ${v.note.slice(0, 40)}` : ""}</option>)}
        </select>
      </label>
    </div>
  );

  return (
    <section className="session-setup" aria-label="Session">
      <h3>Session</h3>
      <label>
        Catalog
        <select aria-label="Catalog" value={catalog} onChange={(e) => setCatalog(e.target.value)}>
          {catalogs.map((c) => (
            <option key={c.id} value={c.id} disabled={c.status !== "ready"}>
              {c.name ?? c.id}{c.items ? ` (${c.items.toLocaleString()} items)` : ""}{c.status !== "ready" ? ` — ${c.status}` : ""}
            </option>
          ))}
        </select>
      </label>
      <label>
        Feed for
        <select aria-label="Catalog user" value={catalogUser} onChange={(e) => setCatalogUser(e.target.value)}>
          <option value="">a new shopper (no history)</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.id} — {u.historyLength} liked, e.g. {u.recent[0] ?? "…"}</option>)}
        </select>
      </label>
      {graphSelect("parser", parser, setParser)}
      {graphSelect("planner", planner, setPlanner)}
      <button className="primary" onClick={() => void start()} disabled={!user}>{current ? "Start a new session" : "Start session"}</button>
      {current && <p className="muted small">Session {current.sessionId.slice(0, 8)} · {current.catalog} · {current.catalogUser ?? "new shopper"}</p>}
      <ErrorNote error={error} onDismiss={() => setError(null)} />
    </section>
  );
}
