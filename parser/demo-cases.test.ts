import { beforeAll, describe, expect, it } from "vitest";
import type { Constraint, Preferences } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { contextOf, parse, prefs } from "./test-catalogs.ts";

// Held-out commands for the demo fashion shop, written without looking at the MovieLens dev set. Nothing in the
// parser names a value of this catalog: it learns them from the catalog's schema and columns.
let ctx: ToolContext;
beforeAll(async () => {
  ctx = await contextOf("demo");
});

/** The demo's first five items: beanie 29.99, belt 9.99, blouse 34.95, skirt 14.99, sneakers 79.95 (median 29.99). */
const feed = ["p00001", "p00002", "p00003", "p00004", "p00005"];
const cat = (attribute: string, ...values: string[]): Constraint => ({ attribute, values });

const CASES: [string, Preferences, Preferences?][] = [
  ["no florals", prefs({ negative: { hard: [cat("pattern", "floral")] } })],
  ["under €80", prefs({ positive: { hard: [{ attribute: "price", max: 80 }] } })],
  ["something for the office", prefs({ positive: { soft: [cat("style", "office")] } })],
  ["only sneakers in black", prefs({ positive: { hard: [cat("category", "sneakers"), cat("colour", "black")] } })],
  ["more like the third one", prefs({ positive: { soft: [cat("item", "p00003")] } })],
  ["more like that belt", prefs({ positive: { soft: [cat("item", "p00002")] } })],
  ["I never want to see Birchmoor", prefs({ negative: { hard: [cat("brand", "Birchmoor")] } })],
  [
    "black leather boots under 150 euros",
    prefs({ positive: { hard: [{ attribute: "price", max: 150 }], soft: [cat("colour", "black"), cat("material", "leather"), cat("category", "boots")] } }),
  ],
  [
    "no polka dots or stripes, but something elegant",
    prefs({ positive: { soft: [cat("style", "elegant")] }, negative: { hard: [cat("pattern", "polka dot", "striped")] } }),
  ],
  ["between 50 and 100 euros", prefs({ positive: { hard: [{ attribute: "price", min: 50, max: 100 }] } })],
  ["around €200", prefs({ positive: { hard: [{ attribute: "price", min: 170, max: 230 }] } })],
  ["less streetwear", prefs({ negative: { soft: [cat("style", "streetwear")] } })],
  ["only women's dresses", prefs({ positive: { hard: [cat("gender", "women"), cat("category", "dresses")] } })],
  ["t-shirts for men", prefs({ positive: { soft: [cat("category", "t-shirts"), cat("gender", "men")] } })],
  ["not so much grey", prefs({ negative: { soft: [cat("colour", "grey")] } })],
  [
    "jumpers in navy or burgundy, no wool",
    prefs({ positive: { soft: [cat("category", "jumpers"), cat("colour", "navy", "burgundy")] }, negative: { hard: [cat("material", "wool")] } }),
  ],
  ["rated 4 stars or more", prefs({ positive: { hard: [{ attribute: "rating", min: 4 }] } })],
  ["with at least 500 reviews", prefs({ positive: { hard: [{ attribute: "reviews", min: 500 }] } })],
  ["no jewelery", prefs({ negative: { hard: [cat("category", "jewellery")] } })],
  ["anything but animal print", prefs({ negative: { hard: [cat("pattern", "animal print")] } })],
  ["Zuri & Wilde jackets", prefs({ positive: { soft: [cat("brand", "Zuri & Wilde"), cat("category", "jackets")] } })],
  ["the last one but in red", prefs({ positive: { soft: [cat("item", "p00005"), cat("colour", "red")] } })],
  ["no leather, not even faux leather", prefs({ negative: { hard: [cat("material", "leather", "faux leather")] } })],
  [
    "no more hoodies, show me coats instead",
    prefs({ positive: { soft: [cat("category", "coats")] }, negative: { hard: [cat("category", "hoodies")] } }),
    prefs({ positive: { soft: [cat("category", "hoodies")] } }),
  ],
  [
    "forget the colour",
    prefs({ positive: { soft: [cat("category", "coats")] } }),
    prefs({ positive: { soft: [cat("colour", "red"), cat("category", "coats")] } }),
  ],
  [
    "actually florals are fine",
    prefs({ positive: { soft: [cat("style", "casual")] } }),
    prefs({ positive: { soft: [cat("style", "casual")] }, negative: { hard: [cat("pattern", "floral")] } }),
  ],
  [
    "start over, only cardigans",
    prefs({ positive: { hard: [cat("category", "cardigans")] } }),
    prefs({ positive: { hard: [{ attribute: "price", max: 80 }], soft: [cat("colour", "red")] } }),
  ],
];

describe("held-out commands on the demo fashion shop", () => {
  it.each(CASES)("%s", (command, expected, memory) => {
    expect(parse(ctx, command, { memory, feed })).toEqual(expected);
  });

  it("cheaper than these: a hard price bound below the feed's median", () => {
    const out = parse(ctx, "cheaper than these", { feed });
    expect(out.positive.hard).toHaveLength(1);
    expect(out.positive.hard[0]).toMatchObject({ attribute: "price", max: expect.any(Number) });
    const { max } = out.positive.hard[0] as { max: number };
    expect(max).toBeLessThan(29.99);
    expect(max).toBeGreaterThan(25);
  });
});
