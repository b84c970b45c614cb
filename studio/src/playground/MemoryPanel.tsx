import type { Constraint, Preferences } from "../../../schemas/preferences.ts";
import { constraintKey, describeConstraint } from "../common/format.ts";

const BUCKETS = [["positive", "hard", "Must"], ["positive", "soft", "Prefer"], ["negative", "hard", "Never"], ["negative", "soft", "Less of"]] as const;

/**
 * The preference memory after the last command, bucket by bucket; constraints the command added are highlighted
 * and those it removed are shown struck through, so the diff is visible at a glance.
 */
export function MemoryPanel({ memory, before }: { memory: Preferences; before: Preferences | null }) {
  return (
    <section className="memory" aria-label="Preference memory">
      <h3>Memory</h3>
      {BUCKETS.map(([polarity, strength, label]) => {
        const now = memory[polarity][strength];
        const was = before?.[polarity][strength] ?? [];
        const nowKeys = new Set(now.map(constraintKey));
        const wasKeys = new Set(was.map(constraintKey));
        const removed = was.filter((c) => !nowKeys.has(constraintKey(c)));
        if (now.length === 0 && removed.length === 0) return null;
        return (
          <div key={label} className={`bucket ${polarity}`}>
            <span className="bucket-label">{label}</span>
            {now.map((c: Constraint) => (
              <span key={constraintKey(c)} className={before && !wasKeys.has(constraintKey(c)) ? "chip added" : "chip"} title={before && !wasKeys.has(constraintKey(c)) ? "added by the last command" : undefined}>
                {describeConstraint(c)}
              </span>
            ))}
            {removed.map((c) => (
              <span key={`x${constraintKey(c)}`} className="chip removed" title="removed by the last command">{describeConstraint(c)}</span>
            ))}
          </div>
        );
      })}
      {BUCKETS.every(([p, s]) => memory[p][s].length === 0) && <p className="muted">Nothing yet: type what you want, or what you don’t.</p>}
    </section>
  );
}
