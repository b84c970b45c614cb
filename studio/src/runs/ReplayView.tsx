import type { FeedItem } from "../../../schemas/api.ts";

interface Side {
  feed: FeedItem[];
  parser: { name: string; version: number };
  planner: { name: string; version: number };
}

export interface ReplayResult {
  original: Side;
  replay: Side;
  comparison: { overlap: number; rankChanges: { itemId: string; originalRank: number | null; replayRank: number | null }[] };
}

const label = (side: Side) => `parser ${side.parser.name} v${side.parser.version} · planner ${side.planner.name} v${side.planner.version}`;

/** The recorded feed and the replayed one side by side: overlap, and each item's rank move. */
export function ReplayView({ replay }: { replay: ReplayResult }) {
  const moves = new Map(replay.comparison.rankChanges.map((c) => [c.itemId, c]));
  const move = (id: string) => {
    const c = moves.get(id);
    if (!c || c.originalRank === null) return <span className="move new">new</span>;
    if (c.replayRank === null) return <span className="move gone">dropped</span>;
    const d = c.originalRank - c.replayRank;
    return d === 0 ? <span className="move same">=</span> : <span className={d > 0 ? "move up" : "move down"}>{d > 0 ? `▲${d}` : `▼${-d}`}</span>;
  };
  return (
    <div className="replay">
      <p role="status">Overlap: {replay.comparison.overlap} of {Math.max(replay.original.feed.length, replay.replay.feed.length)} items</p>
      <div className="side-by-side">
        {(["original", "replay"] as const).map((which) => (
          <div key={which}>
            <h5>{which === "original" ? "Recorded" : "Replayed"} <span className="muted small">{label(replay[which])}</span></h5>
            <ol>
              {replay[which].feed.map((item) => (
                <li key={item.id}>{item.title} {which === "replay" && move(item.id)}</li>
              ))}
            </ol>
          </div>
        ))}
      </div>
    </div>
  );
}
