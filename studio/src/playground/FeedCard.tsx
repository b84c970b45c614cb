import type { FeedItem } from "../../../schemas/api.ts";
import { ItemVisual } from "./ItemVisual.tsx";

export type FeedAction = "click" | "like" | "not_interested" | "add_to_cart";

const PRIORITY = ["price", "year", "rating", "mean_rating", "brand", "category", "genre", "colour"];

/** Up to four attributes worth seeing on a card, price or year first. */
function keyAttributes(attributes: FeedItem["attributes"]): [string, string][] {
  const names = [...PRIORITY.filter((n) => n in attributes), ...Object.keys(attributes).filter((n) => !PRIORITY.includes(n))];
  return names.slice(0, 4).map((name) => {
    const value = attributes[name];
    const text = Array.isArray(value) ? value.slice(0, 3).join(", ") : typeof value === "number" ? (name === "price" ? value.toFixed(2) : String(Math.round(value * 100) / 100)) : String(value);
    return [name, text];
  });
}

/** One item of the feed, with the reactions that become A/B metrics. */
export function FeedCard({ item, marked, onAction }: { item: FeedItem; marked: Set<FeedAction>; onAction: (action: FeedAction) => void }) {
  return (
    <article className={marked.has("not_interested") ? "feed-card dismissed" : "feed-card"} data-item={item.id}>
      <ItemVisual attributes={item.attributes} title={item.title} />
      <button className="card-title" onClick={() => onAction("click")} title={item.description}>
        <span className="rank">{item.position + 1}.</span> {item.title}
      </button>
      <dl className="card-attributes">
        {keyAttributes(item.attributes).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="card-actions">
        <button aria-pressed={marked.has("like")} onClick={() => onAction("like")} title="Like">♥ Like</button>
        <button aria-pressed={marked.has("not_interested")} onClick={() => onAction("not_interested")} title="Not interested: never show again in this session">✕ Not interested</button>
        <button aria-pressed={marked.has("add_to_cart")} onClick={() => onAction("add_to_cart")} title="Add to cart">+ Cart</button>
      </div>
    </article>
  );
}
