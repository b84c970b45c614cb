import { z } from "zod";
import type { RouteDoc } from "./api-router.ts";
import { ApiError } from "../schemas/api.ts";

const schema = (type: z.ZodType, io: "input" | "output") => {
  const json = z.toJSONSchema(type, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: schema(ApiError, "output") } } });

/** The OpenAPI 3.1 document, written from the routes' own zod declarations, so it cannot drift from them. */
export function openApiDocument(routes: RouteDoc[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    const parameters: unknown[] = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
    if (route.query instanceof z.ZodObject) {
      for (const [name, field] of Object.entries(route.query.shape as Record<string, z.ZodType>)) {
        const fieldSchema = schema(field, "input");
        parameters.push({ name, in: "query", required: !field.safeParse(undefined).success, schema: fieldSchema, description: field.description });
      }
    }
    const responses: Record<string, unknown> = {
      [String(route.status ?? 200)]: route.response
        ? { description: "OK", content: { "application/json": { schema: schema(route.response, "output") } } }
        : { description: "OK (JSON)" },
      "400": errorResponse("The request broke its schema; `details` lists each field and why"),
    };
    if (route.access === "user" || route.access === "analyst") {
      responses["401"] = errorResponse("No valid token");
      responses["403"] = errorResponse("The token may not do this");
    }
    (paths[path] ??= {})[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === "user" || route.access === "analyst" ? { security: [{ bearer: [] }] } : {}),
      "x-access": route.access,
      parameters,
      ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: schema(route.body, "input") } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "RecBot Studio API",
      version,
      description: "Interactive recommendation feeds: sessions take commands, the Parser and Planner graphs run, and every step is stored and streamed (Socket.io, path /socket.io). Feed users authenticate with the token POST /api/users issues; analysts with the analyst token.",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths,
  };
}
