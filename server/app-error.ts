export type AppErrorCode =
  | "BAD_JSON"
  | "VALIDATION_FAILED"
  | "NOT_FOUND"
  | "ITEM_NOT_FOUND"
  | "CATALOG_LOADING"
  | "CATALOG_FAILED"
  | "PAYLOAD_TOO_LARGE"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "RATE_LIMITED"
  | "CONFLICT"
  | "INVALID_GRAPH"
  | "SHUTTING_DOWN"
  | "COMMAND_FAILED"
  | "INTERNAL";

/** An error a route throws on purpose: the error middleware turns it into `{error: {code, message}}`. */
export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly status: number,
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
