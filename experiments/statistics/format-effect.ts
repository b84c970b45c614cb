/** Numbers for decision texts: as many decimals as the interval's width warrants, signs always shown. */

export type ValueFormat = "number" | "percent";

function decimalsFor(width: number, estimate: number): number {
  const scale = width > 0 ? width : Math.abs(estimate);
  if (!(scale > 0) || !Number.isFinite(scale)) return 1;
  return Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(scale))));
}

function signed(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return text;
  return `${value < 0 ? "-" : "+"}${text}`;
}

/** An effect and its interval as display strings: "+1.2 pp", "+0.4", "+2.0" (percent format shows points ×100). */
export function formatEffect(estimate: number, low: number, high: number, format: ValueFormat): { estimate: string; low: string; high: string } {
  const k = format === "percent" ? 100 : 1;
  const decimals = decimalsFor((high - low) * k, estimate * k);
  return { estimate: signed(estimate * k, decimals) + (format === "percent" ? " pp" : ""), low: signed(low * k, decimals), high: signed(high * k, decimals) };
}

/** "= 0.003", "= 0.42", "< 0.001". */
export function formatPValue(p: number): string {
  if (p < 0.001) return "< 0.001";
  return `= ${p.toFixed(p < 0.1 ? 3 : 2)}`;
}
