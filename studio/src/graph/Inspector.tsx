import type { GraphSpec } from "../../../graphs/graph-spec.ts";
import type { PaletteEntry } from "./GraphEditor.tsx";
import { ParamForm, type ParamsSchema } from "./ParamForm.tsx";
import { removeElement, setCondition, setParams } from "./spec-edits.ts";

interface InspectorProps {
  spec: GraphSpec;
  selected: string | null;
  palette: PaletteEntry[];
  problems: Map<string, string>;
  edit: (change: (s: GraphSpec) => GraphSpec) => void;
}

/** The selected node's parameters (a form from its schema) or the selected edge's condition. */
export function Inspector({ spec, selected, palette, problems, edit }: InspectorProps) {
  const node = spec.nodes.find((n) => n.id === selected);
  const edgeSel = spec.edges.find((e) => e.id === selected);
  if (node) {
    const type = palette.find((p) => p.id === node.type);
    return (
      <section className="inspector" aria-label="Selected node">
        <h3>{node.id} <span className="muted">({node.type})</span></h3>
        {type && <p className="small">{type.description}</p>}
        {problems.get(node.id) && <div className="error-note">{problems.get(node.id)}</div>}
        {type ? <ParamForm schema={type.params as ParamsSchema} values={node.data} onChange={(data) => edit((s) => setParams(s, node.id, data))} /> : <p className="muted">Unknown node type: pick one from the palette.</p>}
        {node.type !== "start" && node.type !== "end" && <button className="danger" onClick={() => edit((s) => removeElement(s, node.id))}>Delete node</button>}
      </section>
    );
  }
  if (edgeSel) {
    return (
      <section className="inspector" aria-label="Selected edge">
        <h3>{edgeSel.source} → {edgeSel.target}</h3>
        {problems.get(edgeSel.id) && <div className="error-note">{problems.get(edgeSel.id)}</div>}
        <label>
          Condition (empty: taken when no other edge’s condition holds)
          <input aria-label="Condition" key={edgeSel.id} defaultValue={edgeSel.condition ?? ""} placeholder="e.g. positive.soft.length > 0" onBlur={(e) => edit((s) => setCondition(s, edgeSel.id, e.target.value))}
            onKeyDown={(e) => { if (e.key === "Enter") (e.target as HTMLInputElement).blur(); }} />
        </label>
        <button className="danger" onClick={() => edit((s) => removeElement(s, edgeSel.id))}>Delete edge</button>
      </section>
    );
  }
  return <p className="muted">Select a node to edit its parameters, or an edge to edit its condition.</p>;
}
