import type { Constraint, Preferences } from "../../../schemas/preferences.ts";
import { constraintKey, describeConstraint } from "../common/format.ts";

const BUCKETS = [["positive", "hard", "Must"], ["positive", "soft", "Prefer"], ["negative", "hard", "Never"], ["negative", "soft", "Less of"]] as const;

/**
 * The preference memory after the last command, bucket by bucket; constraints the command added are highlighted
 * and those it removed are shown struck through, so the diff is visible at a glance.
 */
export function MemoryPanel({ memory, before }: { memory: Preferences; before: Preferences | null }) {
  // where each constraint sat before and sits now, so one that changed bucket reads as moved, not added + removed
  const bucketOf = (p: Preferences | null) => new Map(BUCKETS.flatMap(([pol, str, label]) => (p?.[pol][str] ?? []).map((c) => [constraintKey(c), label] as const)));
  const was = bucketOf(before);
  const now = bucketOf(memory);
  return (
    <section className="memory" aria-label="Preference memory">
      <h3>Memory</h3>
      {BUCKETS.map(([polarity, strength, label]) => {
        const here = memory[polarity][strength];
        const removed = (before?.[polarity][strength] ?? []).filter((c) => !now.has(constraintKey(c)));
        if (here.length === 0 && removed.length === 0) return null;
        const mark = (c: Constraint) => {
          const from = was.get(constraintKey(c));
          if (!before || from === label) return { className: "chip", title: undefined };
          return from ? { className: "chip moved", title: `moved from “${from}” by the last command` } : { className: "chip added", title: "added by the last command" };
        };
        return (
          <div key={label} className={`bucket ${polarity}`}>
            <span className="bucket-label">{label}</span>
            {here.map((c: Constraint) => (
              <span key={constraintKey(c)} {...mark(c)}>{describeConstraint(c)}</span>
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
