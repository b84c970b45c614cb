export type CatalogErrorCode =
  | "CATALOG_NOT_FOUND"
  | "CATALOG_REF_INVALID"
  | "FILE_MISSING"
  | "FILE_UNREADABLE"
  | "BAD_LINE"
  | "BAD_SCHEMA"
  | "DUPLICATE_ID"
  | "UNKNOWN_ITEM"
  | "EMPTY_CATALOG";

/** Where a malformed input was found, so a person can open the file and fix it. */
export interface LineProblem {
  file: string;
  line: number;
  field?: string;
  reason: string;
}

export function describeProblem(p: LineProblem): string {
  const field = p.field ? `field \`${p.field}\`: ` : "";
  return `${p.file}:${p.line}: ${field}${p.reason}`;
}

/** A catalog that cannot be loaded as asked; `problems` lists each bad line found. */
export class CatalogError extends Error {
  override readonly name = "CatalogError";
  constructor(
    readonly code: CatalogErrorCode,
    message: string,
    readonly problems: LineProblem[] = [],
  ) {
    super(message);
  }
}
