// A generated electronics shop and hand-written commands with their gold memory.
import { P, between, cat, feedMedian, item, pick, range, rng, round, text, type OtherCatalog, type OtherItem } from "./kit.ts";

const DEVICES: [string, [number, number], [number, number], [number, number], [number, number], string][] = [
  // category, screen inches, price USD, battery hours, weight kg, description words
  ["laptop", [13, 17.3], [450, 2400], [6, 20], [1.1, 2.8], "a thin laptop with a backlit keyboard for work and study"],
  ["tablet", [8, 13], [180, 1200], [8, 14], [0.3, 0.7], "a tablet for reading, drawing and streaming video"],
  ["smartphone", [5.4, 6.9], [150, 1400], [18, 40], [0.14, 0.24], "a phone with a bright display and a triple camera"],
  ["television", [32, 85], [250, 3500], [0, 0], [5, 40], "a smart TV with vivid colours for films and sport"],
  ["headphones", [0, 0], [30, 450], [15, 60], [0.2, 0.4], "wireless headphones with noise cancelling"],
  ["smartwatch", [1.2, 2], [99, 800], [18, 120], [0.03, 0.07], "a watch that tracks your fitness, sleep and heart rate"],
  ["monitor", [22, 34], [120, 1100], [0, 0], [3, 9], "a sharp monitor for gaming and photo editing"],
];
const BRANDS = ["Lumetra", "Voxa", "Kestrel", "Orion Labs", "Nimbus", "Tessel"];
const COLOURS = ["black", "silver", "white", "space grey", "midnight blue", "rose gold", "red"];

function electronicsItems(): OtherItem[] {
  const r = rng(37);
  const out: OtherItem[] = [];
  for (let i = 0; i < 91; i++) {
    const [category, screen, price, battery, weight, words] = DEVICES[i % DEVICES.length];
    const brand = pick(r, BRANDS);
    const attributes: Record<string, string | number> = {
      brand,
      category,
      colour: pick(r, COLOURS),
      price: round(between(r, ...price), 0) - 0.01,
      weight: round(between(r, ...weight), 2),
      rating: round(between(r, 3, 5), 1),
    };
    if (screen[1] > 0) attributes.screen = round(between(r, ...screen), 1);
    if (battery[1] > 0) attributes.battery = Math.round(between(r, ...battery));
    out.push({ id: `e${i + 1}`, title: `${brand} ${category === "television" ? "TV" : category[0].toUpperCase() + category.slice(1)} ${pick(r, ["Pro", "Air", "Max", "Mini", "One", "Plus", "S", "X"])} ${i + 1}`, description: `${words[0].toUpperCase()}${words.slice(1)}.`, attributes });
  }
  return out;
}

const electronics = electronicsItems();
const elecFeed = ["e1", "e8", "e15", "e22", "e29"]; // laptops
const em = (attr: string) => feedMedian(electronics, attr, elecFeed);

export const ELECTRONICS: OtherCatalog = {
  name: "electronics",
  schema: {
    attributes: {
      brand: { type: "category", synonyms: ["make", "manufacturer"] },
      category: { type: "category", synonyms: ["device", "type"] },
      colour: { type: "category", synonyms: ["color"] },
      screen: { type: "number", unit: "inches", synonyms: ["screen size", "display", "big", "small"] },
      price: { type: "number", unit: "USD", synonyms: ["cost", "cheap", "expensive"] },
      battery: { type: "number", unit: "hours", synonyms: ["battery life"] },
      weight: { type: "number", unit: "kg", synonyms: ["heavy", "light", "weighs"] },
      rating: { type: "number", unit: "stars", synonyms: ["rated"] },
    },
  },
  items: electronics,
  cases: [
    { id: "el-01", command: "show me laptops", gold: P({ ps: [cat("category", "laptop")] }), tags: ["plural", "soft"] },
    { id: "el-02", command: "only Lumetra", gold: P({ ph: [cat("brand", "Lumetra")] }), tags: ["hard"] },
    { id: "el-03", command: "I never want to see Orion Labs", gold: P({ nh: [cat("brand", "Orion Labs")] }), tags: ["negation", "multiword"] },
    { id: "el-04", command: "screens bigger than 15 inches", gold: P({ ph: [range("screen", 15)] }), tags: ["numeric", "unit"] },
    { id: "el-05", command: "less than $800", gold: P({ ph: [range("price", undefined, 800)] }), tags: ["numeric", "currency"] },
    { id: "el-06", command: "battery life of at least 10 hours", gold: P({ ph: [range("battery", 10)] }), tags: ["numeric", "unit"] },
    { id: "el-07", command: "a 6 inch phone", gold: P({ ph: [range("screen", 5.1, 6.9)], ps: [cat("category", "smartphone")] }), tags: ["numeric", "approx", "lexicon"] },
    { id: "el-08", command: "in space grey or midnight blue", gold: P({ ps: [cat("colour", "space grey", "midnight blue")] }), tags: ["multiword"] },
    { id: "el-09", command: "no rose gold", gold: P({ nh: [cat("colour", "rose gold")] }), tags: ["negation", "multiword"] },
    { id: "el-10", command: "tablets under 500 dollars", gold: P({ ps: [cat("category", "tablet")], ph: [range("price", undefined, 500)] }), tags: ["numeric", "plural"] },
    { id: "el-11", command: "more like the first one", feed: elecFeed, gold: P({ ps: [item("e1")] }), tags: ["feed"] },
    { id: "el-12", command: "cheaper than these", feed: elecFeed, gold: P({ ph: [range("price", undefined, em("price"))] }), tags: ["relative"] },
    { id: "el-13", command: "lighter than 1.5 kg", gold: P({ ph: [range("weight", undefined, 1.5)] }), tags: ["numeric", "comparative"] },
    { id: "el-14", command: "less stuff like the last one", feed: elecFeed, gold: P({ ns: [item("e29")] }), tags: ["feed", "negation"] },
    { id: "el-15", command: "headphones, not white", gold: P({ ps: [cat("category", "headphones")], nh: [cat("colour", "white")] }), tags: ["negation", "scope"] },
    { id: "el-16", command: "televisions of at least 55 inches", gold: P({ ps: [cat("category", "television")], ph: [range("screen", 55)] }), tags: ["numeric", "plural"] },
    { id: "el-17", command: "a smartwatch with over 48 hours of battery", gold: P({ ps: [cat("category", "smartwatch")], ph: [range("battery", 49)] }), tags: ["numeric"] },
    {
      id: "el-18",
      command: "forget the brand",
      memory: P({ ph: [cat("brand", "Voxa")], ps: [cat("category", "laptop")] }),
      gold: P({ ps: [cat("category", "laptop")] }),
      tags: ["memory", "forget"],
    },
    {
      id: "el-19",
      command: "black is fine too",
      memory: P({ ps: [cat("category", "monitor")], nh: [cat("colour", "black")] }),
      gold: P({ ps: [cat("category", "monitor")] }),
      tags: ["memory", "accept"],
    },
    {
      id: "el-20",
      command: "also under 1000 dollars",
      memory: P({ ps: [cat("category", "laptop")] }),
      gold: P({ ps: [cat("category", "laptop")], ph: [range("price", undefined, 1000)] }),
      tags: ["memory", "numeric"],
    },
    { id: "el-21", command: "no monitors or televisions", gold: P({ nh: [cat("category", "monitor", "television")] }), tags: ["negation", "plural"] },
    { id: "el-22", command: "a 15-inch laptop", gold: P({ ph: [range("screen", 12.75, 17.25)], ps: [cat("category", "laptop")] }), tags: ["numeric", "approx"] },
    { id: "el-23", command: "rated 4 stars or more, from Kestrel", gold: P({ ph: [range("rating", 4)], ps: [cat("brand", "Kestrel")] }), tags: ["numeric"] },
    { id: "el-24", command: "smartphones between 300 and 600 dollars", gold: P({ ps: [cat("category", "smartphone")], ph: [range("price", 300, 600)] }), tags: ["numeric"] },
    { id: "el-25", command: "not so many tablets", gold: P({ ns: [cat("category", "tablet")] }), tags: ["negation", "soft"] },
    { id: "el-26", command: "the third one but in silver", feed: elecFeed, gold: P({ ps: [item("e15"), cat("colour", "silver")] }), tags: ["feed"] },
    { id: "el-27", command: "weighs under two kilos", gold: P({ ph: [range("weight", undefined, 2)] }), tags: ["numeric", "number-word"] },
    { id: "el-28", command: "a laptop with a screen under 14 inches", gold: P({ ps: [cat("category", "laptop")], ph: [range("screen", undefined, 14)] }), tags: ["numeric"] },
    { id: "el-29", command: "only smart watches", gold: P({ ph: [cat("category", "smartwatch")] }), tags: ["compound"] },
    { id: "el-30", command: "no tvs", gold: P({ nh: [cat("category", "television")] }), tags: ["abbreviation", "negation"] },
    { id: "el-31", command: "longer battery life", feed: elecFeed, gold: P({ ph: [range("battery", em("battery") + 1)] }), tags: ["relative"] },
    { id: "el-32", command: "bigger screens than these", feed: elecFeed, gold: P({ ph: [range("screen", em("screen"))] }), tags: ["relative"] },
    { id: "el-33", command: "under a thousand dollars", gold: P({ ph: [range("price", undefined, 1000)] }), tags: ["number-word"] },
    { id: "el-34", command: "no headphones", gold: P({ nh: [cat("category", "headphones")] }), tags: ["negation"] },
    { id: "el-35", command: "a red smartwatch", gold: P({ ps: [cat("colour", "red"), cat("category", "smartwatch")] }), tags: ["soft"] },
    { id: "el-36", command: "anything from Voxa or Nimbus", gold: P({ ps: [cat("brand", "Voxa", "Nimbus")] }), tags: ["soft"] },
    { id: "el-37", command: "laptops with at least 12 hours of battery", gold: P({ ps: [cat("category", "laptop")], ph: [range("battery", 12)] }), tags: ["numeric"] },
    { id: "el-38", command: "under 1.2 kg", gold: P({ ph: [range("weight", undefined, 1.2)] }), tags: ["numeric"] },
    { id: "el-39", command: "a monitor of 27 inches or more", gold: P({ ps: [cat("category", "monitor")], ph: [range("screen", 27)] }), tags: ["numeric"] },
    { id: "el-40", command: "silver or white laptops, under $1500", gold: P({ ps: [cat("colour", "silver", "white"), cat("category", "laptop")], ph: [range("price", undefined, 1500)] }), tags: ["numeric"] },
    { id: "el-41", command: "not Tessel", gold: P({ nh: [cat("brand", "Tessel")] }), tags: ["negation"] },
    { id: "el-42", command: "i'd prefer a tablet", gold: P({ ps: [cat("category", "tablet")] }), tags: ["soft"] },
    { id: "el-43", command: "cheaper than $200", gold: P({ ph: [range("price", undefined, 200)] }), tags: ["numeric"] },
    { id: "el-44", command: "between 40 and 60 inch tvs", gold: P({ ps: [cat("category", "television")], ph: [range("screen", 40, 60)] }), tags: ["numeric"] },
    { id: "el-45", command: "phones", gold: P({ ps: [cat("category", "smartphone")] }), tags: ["cooccurrence"] },
    { id: "el-46", command: "a watch for running", gold: P({ ps: [cat("category", "smartwatch")] }), tags: ["cooccurrence"] },
    { id: "el-47", command: "heavier than 3 kg", gold: P({ ph: [range("weight", 3)] }), tags: ["numeric", "comparative"] },
    { id: "el-48", command: "only black or space grey", gold: P({ ph: [cat("colour", "black", "space grey")] }), tags: ["hard"] },
    {
      id: "el-49",
      command: "forget about the price",
      memory: P({ ph: [range("price", undefined, 900)], ps: [cat("category", "tablet")] }),
      gold: P({ ps: [cat("category", "tablet")] }),
      tags: ["memory", "forget"],
    },
    { id: "el-50", command: "the last one but smaller", feed: elecFeed, gold: P({ ps: [item("e29")], ph: [range("screen", undefined, em("screen"))] }), tags: ["feed", "relative"] },
    { id: "el-51", command: "a lightweight laptop under 1.5 kg with at least 16 hours of battery", gold: P({ ps: [cat("category", "laptop")], ph: [range("weight", undefined, 1.5), range("battery", 16)] }), tags: ["numeric", "mixed"] },
    { id: "el-52", command: "a big tv, 65 inches or more", gold: P({ ps: [cat("category", "television")], ph: [range("screen", 65)] }), tags: ["numeric"] },
    { id: "el-53", command: "headphones under 100 bucks", gold: P({ ps: [cat("category", "headphones")], ph: [range("price", undefined, 100)] }), tags: ["numeric"] },
    { id: "el-54", command: "not red or rose gold", gold: P({ nh: [cat("colour", "red", "rose gold")] }), tags: ["negation", "multiword"] },
    { id: "el-55", command: "Kestrel tablets only", gold: P({ ph: [cat("brand", "Kestrel"), cat("category", "tablet")] }), tags: ["hard", "scope"] },
    { id: "el-56", command: "from Lumetra, but not their phones", gold: P({ ps: [cat("brand", "Lumetra")], nh: [cat("category", "smartphone")] }), tags: ["negation", "cooccurrence"] },
    {
      id: "el-57",
      command: "make it under 1200",
      memory: P({ ps: [cat("category", "laptop")], ph: [range("price", undefined, 1000)] }),
      gold: P({ ps: [cat("category", "laptop")], ph: [range("price", undefined, 1200)] }),
      tags: ["memory", "numeric"],
    },
    { id: "el-58", command: "more like the second one but in black", feed: elecFeed, gold: P({ ps: [item("e8"), cat("colour", "black")] }), tags: ["feed"] },
    { id: "el-59", command: "a monitor around 27 inches", gold: P({ ps: [cat("category", "monitor")], ph: [range("screen", 22.95, 31.05)] }), tags: ["numeric", "approx"] },
    { id: "el-60", command: "smaller screens", feed: elecFeed, gold: P({ ph: [range("screen", undefined, em("screen"))] }), tags: ["relative"] },
    { id: "el-61", command: "4 stars minimum", gold: P({ ph: [range("rating", 4)] }), tags: ["numeric"] },
    { id: "el-62", command: "twelve hours of battery at least", gold: P({ ph: [range("battery", 12)] }), tags: ["numeric", "number-word"] },
    { id: "el-63", command: "a silver laptop from Voxa", gold: P({ ps: [cat("colour", "silver"), cat("category", "laptop"), cat("brand", "Voxa")] }), tags: ["soft"] },
    { id: "el-64", command: "no smartwatches or headphones", gold: P({ nh: [cat("category", "smartwatch", "headphones")] }), tags: ["negation"] },
    { id: "el-65", command: "screen of at least 13 inches, under 2 kg", gold: P({ ph: [range("screen", 13), range("weight", undefined, 2)] }), tags: ["numeric"] },
    { id: "el-66", command: "tablets with 10 hours battery or more", gold: P({ ps: [cat("category", "tablet")], ph: [range("battery", 10)] }), tags: ["numeric"] },
    { id: "el-67", command: "only Nimbus or Kestrel phones", gold: P({ ph: [cat("brand", "Nimbus", "Kestrel"), cat("category", "smartphone")] }), tags: ["hard", "cooccurrence"] },
    { id: "el-68", command: "a TV under two thousand dollars", gold: P({ ps: [cat("category", "television")], ph: [range("price", undefined, 2000)] }), tags: ["numeric", "number-word"] },
    {
      id: "el-69",
      command: "ditch the colour",
      memory: P({ ps: [cat("colour", "black"), cat("category", "laptop")] }),
      gold: P({ ps: [cat("category", "laptop")] }),
      tags: ["memory", "forget"],
    },
    { id: "el-70", command: "rated 4.5+", gold: P({ ph: [range("rating", 4.5)] }), tags: ["numeric"] },
  ],
};
