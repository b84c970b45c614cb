// Child process for run-crash.test.ts: starts a run, appends `steps` step events, says "ready", then hangs until killed.
// argv: dbFile runId steps
import { openSqliteStore } from "./sqlite-store.ts";
import { plannerSteps } from "./test-fixtures.ts";

const [file, runId, steps] = process.argv.slice(2);
const store = openSqliteStore(file);
await store.startRun({ id: runId, kind: "planner", graph: "planner-tiny" });
for (const event of plannerSteps(runId, Number(steps))) await store.appendStep(runId, event);
process.stdout.write("ready\n");
setInterval(() => {}, 1_000); // mid-run: never finishes, waits for SIGKILL
