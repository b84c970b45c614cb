import type { Authenticator } from "./auth.ts";
import type { CatalogSet } from "./catalog-set.ts";
import type { CommandRunner } from "./command-runner.ts";
import type { ExperimentService } from "./experiments/experiment-service.ts";
import type { ExperimentSimulator } from "./experiments/experiment-simulator.ts";
import type { GraphRegistry } from "./graph-registry.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import type { Store } from "./storage/store.ts";

/** Everything routes and the live channel share; built once by startServer (or a test). */
export interface ServerDeps {
  catalogs: CatalogSet;
  store: Store;
  auth: Authenticator;
  graphs: GraphRegistry;
  runner: CommandRunner;
  experiments: ExperimentService;
  simulator: ExperimentSimulator;
  limits: { commands: RateLimiter; signups: RateLimiter };
  startedAt: number;
  /** validate every response against its declared schema (tests turn it on) */
  checkResponses: boolean;
}
