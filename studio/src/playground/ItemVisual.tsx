const COLOURS: Record<string, string> = {
  black: "#222", white: "#f4f4f0", grey: "#9a9a9a", gray: "#9a9a9a", navy: "#1f2f5c", blue: "#3a6fd8", red: "#c8323c",
  green: "#3f8f4e", olive: "#737a3a", khaki: "#b9a974", beige: "#d9c9a8", brown: "#7a4f2c", camel: "#b98b51", pink: "#e79ab8",
  purple: "#7c4ca6", yellow: "#e9c73a", orange: "#e9823a", burgundy: "#7a1f33", cream: "#f1ead2", teal: "#2f8c8c", silver: "#c0c4c8", gold: "#caa54a",
};

function hue(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

/** A colour for an item: its colour attribute when it names one we know, else a stable hue of its category. */
function fillOf(attributes: Record<string, unknown>): string {
  const colour = String(attributes.colour ?? attributes.color ?? "").toLowerCase();
  for (const [name, hex] of Object.entries(COLOURS)) if (colour.includes(name)) return hex;
  const category = String(attributes.category ?? (Array.isArray(attributes.genre) ? attributes.genre[0] : attributes.genre) ?? "item");
  return `hsl(${hue(category)} 45% 55%)`;
}

/** A generated picture per item (no images are downloaded): a swatch of its colour with its category's initials. */
export function ItemVisual({ attributes, title }: { attributes: Record<string, unknown>; title: string }) {
  const fill = fillOf(attributes);
  const label = String(attributes.category ?? (Array.isArray(attributes.genre) ? attributes.genre[0] : "") ?? title);
  const initials = label.split(/[\s-]+/).map((w) => w[0]?.toUpperCase() ?? "").join("").slice(0, 3);
  return (
    <svg className="item-visual" viewBox="0 0 120 80" preserveAspectRatio="xMidYMid slice" role="img" aria-label={label}>
      <rect width="120" height="80" rx="8" fill={fill} />
      <circle cx="96" cy="20" r="26" fill="rgba(255,255,255,0.18)" />
      <text x="12" y="62" fontSize="28" fontWeight="700" fill="rgba(0,0,0,0.35)">{initials}</text>
    </svg>
  );
}
