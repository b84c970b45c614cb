// Worker threads do not inherit the parent's TypeScript loader, so a graph thread registers tsx itself.
import { register } from "tsx/esm/api";

register();
await import("./turn-worker.ts");
