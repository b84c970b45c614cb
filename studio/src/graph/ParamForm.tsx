interface PropertySchema {
  type?: string | string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  enum?: unknown[];
}

export interface ParamsSchema {
  properties?: Record<string, PropertySchema>;
}

const typeOf = (p: PropertySchema) => (Array.isArray(p.type) ? p.type.find((t) => t !== "null") : p.type);

/** A form generated from a node type's params JSON Schema: ranges, defaults and descriptions come from the schema. */
export function ParamForm({ schema, values, onChange }: { schema: ParamsSchema; values: Record<string, unknown>; onChange: (values: Record<string, unknown>) => void }) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <p className="muted">This node has no parameters.</p>;
  const set = (name: string, value: unknown) => {
    const next = { ...values };
    if (value === undefined || value === "") delete next[name];
    else next[name] = value;
    onChange(next);
  };
  return (
    <div className="param-form">
      {properties.map(([name, p]) => {
        const type = typeOf(p);
        const value = values[name];
        const id = `param-${name}`;
        const range = [p.minimum ?? p.exclusiveMinimum, p.maximum ?? p.exclusiveMaximum];
        let field;
        if (type === "number" || type === "integer") {
          field = (
            <input id={id} type="number" aria-label={name} step={type === "integer" ? 1 : "any"} min={range[0]} max={range[1]}
              placeholder={p.default === undefined ? "" : String(p.default)} value={typeof value === "number" ? value : ""}
              onChange={(e) => set(name, e.target.value === "" ? undefined : Number(e.target.value))} />
          );
        } else if (type === "boolean") {
          field = <input id={id} type="checkbox" aria-label={name} checked={typeof value === "boolean" ? value : Boolean(p.default)} onChange={(e) => set(name, e.target.checked)} />;
        } else if (p.enum) {
          field = (
            <select id={id} aria-label={name} value={value === undefined ? "" : String(value)} onChange={(e) => set(name, e.target.value || undefined)}>
              <option value="">default{p.default !== undefined ? ` (${String(p.default)})` : ""}</option>
              {p.enum.map((option) => <option key={String(option)} value={String(option)}>{String(option)}</option>)}
            </select>
          );
        } else if (type === "string") {
          field = <input id={id} type="text" aria-label={name} placeholder={p.default === undefined ? "" : String(p.default)} value={typeof value === "string" ? value : ""} onChange={(e) => set(name, e.target.value)} />;
        } else {
          field = (
            <textarea id={id} aria-label={name} rows={3} defaultValue={value === undefined ? "" : JSON.stringify(value, null, 1)}
              onBlur={(e) => { try { set(name, e.target.value ? JSON.parse(e.target.value) : undefined); } catch { /* shown by validation */ } }} />
          );
        }
        return (
          <div key={name} className="param">
            <label htmlFor={id}>
              {name}
              {range[0] !== undefined || range[1] !== undefined ? <span className="range"> [{range[0] ?? "−∞"}, {range[1] ?? "∞"}]</span> : null}
            </label>
            {field}
            {p.description && <small>{p.description}</small>}
          </div>
        );
      })}
    </div>
  );
}
