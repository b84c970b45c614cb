// A generated restaurant guide and hand-written commands with their gold memory.
import { P, between, cat, feedMedian, item, pick, range, rng, round, text, type OtherCatalog, type OtherItem } from "./kit.ts";

const CUISINES = ["Italian", "Japanese", "Mexican", "Indian", "Thai", "French", "Chinese", "Middle Eastern", "Korean", "Vietnamese", "Greek", "American"] as const;
const DISHES: Record<string, [string, string]> = {
  Italian: ["Trattoria", "fresh pasta|wood-fired pizza|tiramisu|risotto"],
  Japanese: ["Sushi Bar", "sushi|ramen|grilled skewers|tempura"],
  Mexican: ["Cantina", "tacos|burritos|fresh salsa|spicy enchiladas"],
  Indian: ["Curry House", "spicy curries|tandoori chicken|naan|lentil dal"],
  Thai: ["Thai Kitchen", "green curry|pad thai|noodles|spicy salads"],
  French: ["Bistro", "classic bistro dishes|wine|cheese|steak frites"],
  Chinese: ["Dumpling House", "dumplings|noodles|roast duck|spicy tofu"],
  "Middle Eastern": ["Mezze Grill", "falafel|hummus|grilled kebabs|flatbread"],
  Korean: ["Korean BBQ", "barbecue at the table|kimchi|bibimbap|fried chicken"],
  Vietnamese: ["Pho Shop", "pho|banh mi|fresh spring rolls|noodle salads"],
  Greek: ["Taverna", "souvlaki|salads|grilled fish|moussaka"],
  American: ["Diner", "burgers|fries|milkshakes|pancakes"],
};
const NEIGHBOURHOODS = ["Old Town", "Harbour District", "Riverside", "University Quarter", "Market Square", "West End"];
const NAMES = ["Luna", "Golden", "Little", "Blue", "Corner", "Olive", "Red Lantern", "Sunset", "Green", "Royal"];
const DIETARY = ["vegan", "vegetarian", "gluten-free", "halal"];
const FEATURES = ["open late", "outdoor seating", "live music", "takeaway", "kid friendly"];

/** Two of a cuisine's dishes, so descriptions vary as real ones do. */
function dishes(r: () => number, list: string): string {
  const all = list.split("|");
  const a = Math.floor(r() * all.length);
  const b = (a + 1 + Math.floor(r() * (all.length - 1))) % all.length;
  return `${all[a]} and ${all[b]}`;
}

function restaurantItems(): OtherItem[] {
  const r = rng(23);
  const out: OtherItem[] = [];
  for (let i = 0; i < 84; i++) {
    const main = CUISINES[i % CUISINES.length];
    const cuisine = [main];
    if (r() < 0.15) {
      const extra = pick(r, CUISINES);
      if (extra !== main) cuisine.push(extra);
    }
    const dietary = DIETARY.filter(() => r() < 0.35);
    const features = FEATURES.filter(() => r() < 0.3);
    out.push({
      id: `r${i + 1}`,
      title: `${pick(r, NAMES)} ${DISHES[main][0]}${i >= 40 ? ` ${pick(r, NEIGHBOURHOODS).split(" ")[0]}` : ""}`,
      description: `A ${main} restaurant serving ${dishes(r, DISHES[main][1])}.`,
      attributes: {
        cuisine,
        neighbourhood: pick(r, NEIGHBOURHOODS),
        price: round(between(r, 9, 85), 0),
        rating: round(between(r, 2.8, 5), 1),
        dietary,
        features,
        distance: round(between(r, 0.2, 9), 1),
      },
    });
  }
  return out;
}

const restaurants = restaurantItems();
const restFeed = ["r2", "r9", "r14", "r30", "r51", "r66"];
const rm = (attr: string) => feedMedian(restaurants, attr, restFeed);

export const RESTAURANTS: OtherCatalog = {
  name: "restaurants",
  schema: {
    attributes: {
      cuisine: { type: "category", multi: true, synonyms: ["food", "cuisines"] },
      neighbourhood: { type: "category", synonyms: ["neighborhood", "area", "district"] },
      price: { type: "number", unit: "EUR", synonyms: ["average price", "cost", "cheap", "expensive", "budget"] },
      rating: { type: "number", unit: "stars", synonyms: ["rated"] },
      dietary: { type: "category", multi: true, synonyms: ["diet", "dietary options"] },
      features: { type: "category", multi: true, synonyms: ["amenities"] },
      distance: { type: "number", unit: "km", synonyms: ["far", "close", "near", "away"] },
    },
  },
  items: restaurants,
  cases: [
    { id: "rs-01", command: "italian food", gold: P({ ps: [cat("cuisine", "Italian")] }), tags: ["soft"] },
    { id: "rs-02", command: "only vegan places", gold: P({ ph: [cat("dietary", "vegan")] }), tags: ["hard"] },
    { id: "rs-03", command: "no mexican", gold: P({ nh: [cat("cuisine", "Mexican")] }), tags: ["negation"] },
    { id: "rs-04", command: "middle eastern in the old town", gold: P({ ps: [cat("cuisine", "Middle Eastern"), cat("neighbourhood", "Old Town")] }), tags: ["multiword"] },
    { id: "rs-05", command: "under 30 euros", gold: P({ ph: [range("price", undefined, 30)] }), tags: ["numeric", "currency"] },
    { id: "rs-06", command: "around 50 euros", gold: P({ ph: [range("price", 42.5, 57.5)] }), tags: ["numeric", "approx"] },
    { id: "rs-07", command: "at least 4.5 stars", gold: P({ ph: [range("rating", 4.5)] }), tags: ["numeric", "unit"] },
    { id: "rs-08", command: "within 2 km", gold: P({ ph: [range("distance", undefined, 2)] }), tags: ["numeric", "unit"] },
    { id: "rs-09", command: "must be gluten free", gold: P({ ph: [cat("dietary", "gluten-free")] }), tags: ["hard", "multiword"] },
    { id: "rs-10", command: "somewhere open late with live music", gold: P({ ps: [cat("features", "open late", "live music")] }), tags: ["multiword"] },
    { id: "rs-11", command: "not in the harbour district", gold: P({ nh: [cat("neighbourhood", "Harbour District")] }), tags: ["negation", "multiword"] },
    { id: "rs-12", command: "more like the third one", feed: restFeed, gold: P({ ps: [item("r14")] }), tags: ["feed"] },
    { id: "rs-13", command: "cheaper", feed: restFeed, gold: P({ ph: [range("price", undefined, rm("price"))] }), tags: ["relative"] },
    { id: "rs-14", command: "closer please", feed: restFeed, gold: P({ ph: [range("distance", undefined, rm("distance"))] }), tags: ["relative"] },
    { id: "rs-15", command: "enough japanese for this week", gold: P({ ns: [cat("cuisine", "Japanese")] }), tags: ["negation", "soft"] },
    { id: "rs-16", command: "thai or vietnamese, no more than 25 euros", gold: P({ ps: [cat("cuisine", "Thai", "Vietnamese")], ph: [range("price", undefined, 25)] }), tags: ["numeric", "multi"] },
    { id: "rs-17", command: "vegetarian friendly indian restaurants", gold: P({ ps: [cat("dietary", "vegetarian"), cat("cuisine", "Indian")] }), tags: ["soft"] },
    { id: "rs-18", command: "something like the last one but in riverside", feed: restFeed, gold: P({ ps: [item("r66"), cat("neighbourhood", "Riverside")] }), tags: ["feed"] },
    { id: "rs-19", command: "less than twenty euros a head", gold: P({ ph: [range("price", undefined, 20)] }), tags: ["numeric", "number-word"] },
    {
      id: "rs-20",
      command: "actually I'm fine with greek now",
      memory: P({ ps: [cat("cuisine", "Italian")], nh: [cat("cuisine", "Greek")] }),
      gold: P({ ps: [cat("cuisine", "Italian")] }),
      tags: ["memory", "accept"],
    },
    {
      id: "rs-21",
      command: "no more korean",
      memory: P({ ps: [cat("cuisine", "Korean", "Chinese")] }),
      gold: P({ ps: [cat("cuisine", "Chinese")], nh: [cat("cuisine", "Korean")] }),
      tags: ["memory", "negation"],
    },
    {
      id: "rs-22",
      command: "start over, only halal",
      memory: P({ ph: [range("price", undefined, 30)], ps: [cat("cuisine", "French")] }),
      gold: P({ ph: [cat("dietary", "halal")] }),
      tags: ["memory", "reset"],
    },
    { id: "rs-23", command: "with outdoor seating, not too far, under 3 km", gold: P({ ps: [cat("features", "outdoor seating")], ph: [range("distance", undefined, 3)] }), tags: ["numeric", "multiword"] },
    { id: "rs-24", command: "chineese food", gold: P({ ps: [cat("cuisine", "Chinese")] }), tags: ["typo"] },
    { id: "rs-25", command: "between 20 and 40 euros per person", gold: P({ ph: [range("price", 20, 40)] }), tags: ["numeric"] },
    { id: "rs-26", command: "kid-friendly places in the west end", gold: P({ ps: [cat("features", "kid friendly"), cat("neighbourhood", "West End")] }), tags: ["multiword"] },
    { id: "rs-27", command: "a cheap vegan lunch", gold: P({ ps: [cat("dietary", "vegan")] }), tags: ["adjective"] },
    { id: "rs-28", command: "highly rated korean, 4 stars and up", gold: P({ ps: [cat("cuisine", "Korean")], ph: [range("rating", 4)] }), tags: ["numeric"] },
    { id: "rs-29", command: "no more than 1.5 km away", gold: P({ ph: [range("distance", undefined, 1.5)] }), tags: ["numeric"] },
    { id: "rs-30", command: "somewhere in the univeristy quarter", gold: P({ ps: [cat("neighbourhood", "University Quarter")] }), tags: ["typo", "multiword"] },
    { id: "rs-31", command: "spicy food but nothing indian", gold: P({ nh: [cat("cuisine", "Indian")], ps: [text("spicy")] }), tags: ["negation", "text"] },
    { id: "rs-32", command: "less than 5 kilometres from here", gold: P({ ph: [range("distance", undefined, 5)] }), tags: ["numeric", "unit"] },
    { id: "rs-33", command: "pizza", gold: P({ ps: [text("pizza")] }), tags: ["text"] },
    { id: "rs-34", command: "vegan or vegetarian options", gold: P({ ps: [cat("dietary", "vegan", "vegetarian")] }), tags: ["soft"] },
    { id: "rs-35", command: "rated above 4", gold: P({ ph: [range("rating", 4)] }), tags: ["numeric"] },
    { id: "rs-36", command: "under €25", gold: P({ ph: [range("price", undefined, 25)] }), tags: ["numeric", "currency"] },
    { id: "rs-37", command: "less than 1 km away", gold: P({ ph: [range("distance", undefined, 1)] }), tags: ["numeric"] },
    { id: "rs-38", command: "Greek food in Market Square", gold: P({ ps: [cat("cuisine", "Greek"), cat("neighbourhood", "Market Square")] }), tags: ["multiword"] },
    { id: "rs-39", command: "not so much american", gold: P({ ns: [cat("cuisine", "American")] }), tags: ["negation", "soft"] },
    { id: "rs-40", command: "avoid the west end", gold: P({ nh: [cat("neighbourhood", "West End")] }), tags: ["negation", "multiword"] },
    { id: "rs-41", command: "korean barbecue", gold: P({ ps: [cat("cuisine", "Korean")] }), tags: ["soft"] },
    { id: "rs-42", command: "thai, only gluten free", gold: P({ ps: [cat("cuisine", "Thai")], ph: [cat("dietary", "gluten-free")] }), tags: ["scope"] },
    { id: "rs-43", command: "up to 40 euros", gold: P({ ph: [range("price", undefined, 40)] }), tags: ["numeric"] },
    { id: "rs-44", command: "with takeaway", gold: P({ ps: [cat("features", "takeaway")] }), tags: ["soft"] },
    { id: "rs-45", command: "no live music", gold: P({ nh: [cat("features", "live music")] }), tags: ["negation", "multiword"] },
    { id: "rs-46", command: "something like the second one but vegan", feed: restFeed, gold: P({ ps: [item("r9"), cat("dietary", "vegan")] }), tags: ["feed"] },
    { id: "rs-47", command: "more expensive", feed: restFeed, gold: P({ ph: [range("price", rm("price"))] }), tags: ["relative"] },
    { id: "rs-48", command: "at least four stars", gold: P({ ph: [range("rating", 4)] }), tags: ["numeric", "number-word"] },
    { id: "rs-49", command: "a romantic french bistro in the old town", gold: P({ ps: [cat("cuisine", "French"), cat("neighbourhood", "Old Town")] }), tags: ["multiword"] },
    { id: "rs-50", command: "no chinese or thai, and nothing over 35 euros", gold: P({ nh: [cat("cuisine", "Chinese", "Thai")], ph: [range("price", undefined, 35)] }), tags: ["negation", "numeric"] },
    { id: "rs-51", command: "somewhere with outdoor seating that's open late", gold: P({ ps: [cat("features", "outdoor seating", "open late")] }), tags: ["multiword"] },
    { id: "rs-52", command: "halal and kid friendly", gold: P({ ps: [cat("dietary", "halal"), cat("features", "kid friendly")] }), tags: ["soft"] },
    { id: "rs-53", command: "no more than 2 km from me and at least 4 stars", gold: P({ ph: [range("distance", undefined, 2), range("rating", 4)] }), tags: ["numeric"] },
    {
      id: "rs-54",
      command: "also mexican",
      memory: P({ ps: [cat("cuisine", "Italian")] }),
      gold: P({ ps: [cat("cuisine", "Italian", "Mexican")] }),
      tags: ["memory"],
    },
    {
      id: "rs-55",
      command: "forget the budget",
      memory: P({ ps: [cat("cuisine", "Japanese")], ph: [range("price", undefined, 30)] }),
      gold: P({ ps: [cat("cuisine", "Japanese")] }),
      tags: ["memory", "forget", "synonym"],
    },
    { id: "rs-56", command: "not the harbour district or riverside", gold: P({ nh: [cat("neighbourhood", "Harbour District", "Riverside")] }), tags: ["negation", "multiword"] },
    { id: "rs-57", command: "a cheap vietnamese place", gold: P({ ps: [cat("cuisine", "Vietnamese")] }), tags: ["adjective"] },
    { id: "rs-58", command: "less like the fourth one", feed: restFeed, gold: P({ ns: [item("r30")] }), tags: ["feed", "negation"] },
    { id: "rs-59", command: "somewhere in the university quarter with vegan options", gold: P({ ps: [cat("neighbourhood", "University Quarter"), cat("dietary", "vegan")] }), tags: ["multiword"] },
    { id: "rs-60", command: "italian or greek under 30 euros per person", gold: P({ ps: [cat("cuisine", "Italian", "Greek")], ph: [range("price", undefined, 30)] }), tags: ["numeric"] },
    { id: "rs-61", command: "nothing more than 5 km away", gold: P({ ph: [range("distance", undefined, 5)] }), tags: ["numeric", "negation"] },
    { id: "rs-62", command: "it has to be halal", gold: P({ ph: [cat("dietary", "halal")] }), tags: ["hard"] },
    {
      id: "rs-63",
      command: "not japanese anymore",
      memory: P({ ps: [cat("cuisine", "Japanese")] }),
      gold: P({ nh: [cat("cuisine", "Japanese")] }),
      tags: ["memory", "negation"],
    },
    { id: "rs-64", command: "show me something like the last one", feed: restFeed, gold: P({ ps: [item("r66")] }), tags: ["feed"] },
    { id: "rs-65", command: "4 star places or better", gold: P({ ph: [range("rating", 4)] }), tags: ["numeric"] },
    { id: "rs-66", command: "cheaper than 15 euros", gold: P({ ph: [range("price", undefined, 15)] }), tags: ["numeric"] },
  ],
};
