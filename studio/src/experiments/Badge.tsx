import type { ReactNode } from "react";
import type { Tone } from "./tones.ts";

/** A short coloured label: a status, a verdict or a recommendation. */
export function Badge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return <span className={`badge tone-${tone}`} title={title}>{children}</span>;
}
