import { useEffect } from "react";
import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, useNodesInitialized, useReactFlow, type Connection, type Edge, type Node, type NodeChange, type EdgeChange } from "@xyflow/react";
import type { GraphSpec } from "../../../graphs/graph-spec.ts";

export interface CanvasMarks {
  /** the node running now (live runs) */
  running?: string | null;
  /** nodes that ran in the last command */
  ran?: Set<string>;
  /** problems found by validation, per node or edge id */
  problems?: Map<string, string>;
  selected?: string | null;
  /** a version comparison drawn on the canvas */
  diff?: Map<string, "added" | "removed" | "changed">;
}

/** A spec as React Flow nodes and edges, with running, ran, selected and invalid marks. */
export function specToFlow(spec: GraphSpec, marks: CanvasMarks = {}): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = spec.nodes.map((n) => {
    const problem = marks.problems?.get(n.id);
    const diff = marks.diff?.get(n.id);
    const classes = ["graph-node", n.type === "start" || n.type === "end" ? "terminal" : "", marks.running === n.id ? "running" : "", marks.ran?.has(n.id) ? "ran" : "", problem ? "invalid" : "", diff ? `diff-${diff}` : ""];
    return {
      id: n.id,
      position: n.position,
      selected: marks.selected === n.id,
      className: classes.filter(Boolean).join(" "),
      data: {
        label: (
          <div title={problem ?? undefined} data-node={n.id}>
            <div className="node-id">{n.id}</div>
            {n.type !== n.id && <div className="node-type">{n.type}</div>}
            {problem && <div className="node-problem">⚠ {problem}</div>}
          </div>
        ),
      },
    };
  });
  const edges: Edge[] = spec.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: e.condition,
    selected: marks.selected === e.id,
    className: marks.problems?.has(e.id) ? "invalid" : marks.diff?.has(e.id) ? `diff-${marks.diff.get(e.id)}` : undefined,
    markerEnd: { type: MarkerType.ArrowClosed },
    animated: marks.running === e.target,
  }));
  return { nodes, edges };
}

export interface GraphCanvasProps {
  spec: GraphSpec;
  marks?: CanvasMarks;
  editable?: boolean;
  onNodesChange?: (changes: NodeChange[]) => void;
  onEdgesChange?: (changes: EdgeChange[]) => void;
  onConnect?: (connection: Connection) => void;
  onSelect?: (id: string | null) => void;
  /** a node type dropped from the palette, at a position in graph coordinates */
  onDropType?: (type: string, position: { x: number; y: number }) => void;
}

/** The drag payload of a palette entry. */
export const NODE_TYPE_MIME = "application/x-recbot-node-type";

/** The graph drawn with React Flow: read-only in the playground, editable in the editor. */
export function GraphCanvas(props: GraphCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas({ spec, marks, editable = false, onNodesChange, onEdgesChange, onConnect, onSelect, onDropType }: GraphCanvasProps) {
  const { nodes, edges } = specToFlow(spec, marks);
  const flow = useReactFlow();
  return (
    <div
      className="graph-canvas"
      onDragOver={(e) => {
        if (onDropType && e.dataTransfer.types.includes(NODE_TYPE_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }
      }}
      onDrop={(e) => {
        const type = e.dataTransfer.getData(NODE_TYPE_MIME);
        if (!onDropType || !type) return;
        e.preventDefault();
        onDropType(type, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      }}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        fitViewOptions={{ padding: 0.15 }}
        minZoom={0.1}
        nodesDraggable={editable}
        nodesConnectable={editable}
        elementsSelectable
        deleteKeyCode={editable ? ["Delete", "Backspace"] : null}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeClick={(_, node) => onSelect?.(node.id)}
        onEdgeClick={(_, edge) => onSelect?.(edge.id)}
        onPaneClick={() => onSelect?.(null)}
        proOptions={{ hideAttribution: true }}
      >
        <FitWhenMeasured nodeCount={nodes.length} />
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** Fits the view once React Flow has measured the nodes (and when nodes are added or removed). */
function FitWhenMeasured({ nodeCount }: { nodeCount: number }) {
  const measured = useNodesInitialized();
  const flow = useReactFlow();
  useEffect(() => {
    if (!measured) return;
    void flow.fitView({ padding: 0.15 });
    // once more after layout settles: a panel that was still being sized would otherwise keep a stale fit
    const later = setTimeout(() => void flow.fitView({ padding: 0.15 }), 150);
    return () => clearTimeout(later);
  }, [measured, nodeCount, flow]);
  return null;
}
