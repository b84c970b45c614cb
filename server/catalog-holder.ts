import type { PreparedCatalog } from "../runtime/prepared-catalog.ts";
import { AppError } from "./app-error.ts";

/** One catalog the server answers from; the server listens while it loads, so readiness is explicit. */
export class CatalogHolder {
  status: "loading" | "ready" | "failed" = "loading";
  prepared: PreparedCatalog | null = null;
  error: string | null = null;

  constructor(readonly ref: string) {}

  resolve(prepared: PreparedCatalog): void {
    this.prepared = prepared;
    this.status = "ready";
  }

  fail(error: unknown): void {
    this.error = error instanceof Error ? error.message : String(error);
    this.status = "failed";
  }

  /** The prepared catalog, or a 503 saying why there is none yet. */
  require(): PreparedCatalog {
    if (this.prepared) return this.prepared;
    if (this.status === "failed") throw new AppError(503, "CATALOG_FAILED", `catalog ${this.ref} failed to load: ${this.error}`);
    throw new AppError(503, "CATALOG_LOADING", `catalog ${this.ref} is still loading; retry in a few seconds`);
  }
}
