import { basename } from "node:path";
import type { PreparedCatalog } from "../runtime/prepared-catalog.ts";
import { AppError } from "./app-error.ts";
import { CatalogHolder } from "./catalog-holder.ts";

/** A short id for a catalog reference: `demo`, `demo-5000`, `ml-latest-small` (a folder's name). */
export function catalogIdOf(ref: string): string {
  const [scheme, ...rest] = ref.split(":");
  const tail = rest.join(":");
  const raw = scheme === "demo" ? (tail ? `demo-${tail}` : "demo") : basename((scheme === "movielens" ? tail : ref).replace(/[\\/]+$/, ""));
  return raw.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "catalog";
}

/** The catalogs one server answers from, each loading on its own; the first is the default. */
export class CatalogSet {
  readonly holders = new Map<string, CatalogHolder>();
  readonly defaultId: string;

  constructor(refs: string[]) {
    if (refs.length === 0) throw new Error("a server needs at least one catalog");
    for (const ref of refs) {
      const id = catalogIdOf(ref);
      if (this.holders.has(id)) throw new Error(`two catalogs would share the id \`${id}\` (${this.holders.get(id)!.ref} and ${ref}); give their folders different names`);
      this.holders.set(id, new CatalogHolder(ref));
    }
    this.defaultId = this.holders.keys().next().value!;
  }

  /** The catalog with this id (the default when none is named), or a 404 listing the ids there are. */
  get(id?: string | null): CatalogHolder {
    const holder = this.holders.get(id ?? this.defaultId);
    if (!holder) throw new AppError(404, "NOT_FOUND", `no catalog \`${id}\`; this server has ${[...this.holders.keys()].map((k) => `\`${k}\``).join(", ")}`);
    return holder;
  }

  /** The prepared catalog with this id, or a 503 while it loads. */
  require(id?: string | null): PreparedCatalog {
    return this.get(id).require();
  }

  idOf(holder: CatalogHolder): string {
    for (const [id, h] of this.holders) if (h === holder) return id;
    throw new Error("not a catalog of this set");
  }
}
