import { Annotation, StateGraph, START, END } from "@langchain/langgraph";
const S = Annotation.Root({ x: Annotation<number>, notes: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }) });
const g = new StateGraph(S).addNode("a", (s: typeof S.State) => ({ x: s.x + 1 })).addNode("b", (s: typeof S.State) => ({ x: s.x * 2 }))
  .addNode("c", (s: typeof S.State) => ({ x: s.x * 2 })).addNode("d", (s: typeof S.State) => ({ x: s.x * 2 }))
  .addEdge(START, "a").addEdge("a", "b").addEdge("b", "c").addEdge("c", "d").addEdge("d", END);
const c = g.compile();
async function time(label: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 300; i++) await f();
  const t = performance.now();
  for (let i = 0; i < 1000; i++) await f();
  console.log(label, ((performance.now() - t) / 1000).toFixed(3), "ms");
}
await time("invoke", () => c.invoke({ x: 1 }));
await time("stream values", async () => { for await (const _ of await c.stream({ x: 1 }, { streamMode: "values" })); });
await time("stream custom+values", async () => { for await (const _ of await c.stream({ x: 1 }, { streamMode: ["custom", "values"] })); });
await time("invoke nocallbacks", () => c.invoke({ x: 1 }, { callbacks: [] }));
