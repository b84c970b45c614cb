import { z } from "zod";
import { GraphKind, GraphSpec } from "../../graphs/graph-spec.ts";
import { nodePalette } from "../../graphs/node-registry.ts";
import { diffSpecs } from "../../graphs/spec-diff.ts";
import { specProblems } from "../../graphs/spec-problems.ts";
import { GraphDiff, GraphDiffQuery, GraphValidation, GraphVersionQuery, ImportGraphRequest, SaveGraphRequest, ValidateGraphRequest } from "../../schemas/api.ts";
import { ApiRouter } from "../api-router.ts";
import { AppError } from "../app-error.ts";
import { checkSpec } from "../graph-registry.ts";
import type { ServerDeps } from "../server-deps.ts";
import { GraphVersionInfo, GraphVersionRecord } from "../storage/records.ts";

const PaletteEntry = z.object({ id: z.string(), kind: z.string(), description: z.string(), params: z.record(z.string(), z.unknown()) });

/** Saved graphs: every save is a new version (versions never change), so runs and experiments can name one. */
export function graphsRouter(deps: ServerDeps): ApiRouter {
  const { store } = deps;
  const versionOf = async (name: string, version?: number) => {
    const record = version === undefined ? await store.getLatestGraph(name) : await store.getGraphVersion(name, version);
    if (!record) throw new AppError(404, "NOT_FOUND", `no saved graph \`${name}\`${version ? ` version ${version}` : ""}; GET /api/graphs lists them`);
    return record;
  };
  const save = async (name: string, spec: unknown, note: string) => {
    const checked = checkSpec(spec);
    const latest = await store.getLatestGraph(name);
    if (latest && latest.kind !== checked.kind) throw new AppError(409, "CONFLICT", `graph \`${name}\` is a ${latest.kind} graph; save this ${checked.kind} spec under another name`);
    const saved = await store.saveGraphVersion({ name, spec: checked, note });
    deps.graphs.forget(name);
    return saved;
  };
  return new ApiRouter("/api/graphs", "graphs", deps.checkResponses)
    .add({ method: "get", path: "/", summary: "Every saved graph, at its latest version", access: "public", response: z.array(GraphVersionInfo) }, () => store.listGraphs())
    .add({ method: "get", path: "/palette/:kind", summary: "Node types a graph of this kind may use, with JSON Schemas of their params", access: "public", response: z.array(PaletteEntry) }, ({ params }) => {
      const kind = GraphKind.safeParse(params.kind);
      if (!kind.success) throw new AppError(404, "NOT_FOUND", `no graph kind \`${params.kind}\`: use parser or planner`);
      return nodePalette(kind.data);
    })
    .add({ method: "post", path: "/validate", summary: "Every problem of a spec, each on its node or edge; saves nothing", access: "public", body: ValidateGraphRequest, response: GraphValidation }, ({ body }) => {
      const problems = specProblems(body.spec);
      return { ok: problems.length === 0, problems };
    })
    .add({ method: "post", path: "/import", summary: "Import an exported spec as the next version of `name`", access: "analyst", body: ImportGraphRequest, response: GraphVersionRecord, status: 201 }, ({ body }) => save(body.name, body.spec, body.note))
    .add({ method: "get", path: "/:name", summary: "The latest version of a graph, with its spec", access: "public", response: GraphVersionRecord }, ({ params }) => versionOf(params.name))
    .add({ method: "get", path: "/:name/versions", summary: "Every version of a graph, oldest first", access: "public", response: z.array(GraphVersionInfo) }, async ({ params }) => {
      const versions = await store.listGraphVersions(params.name);
      if (versions.length === 0) throw new AppError(404, "NOT_FOUND", `no saved graph \`${params.name}\``);
      return versions;
    })
    .add({ method: "get", path: "/:name/versions/:version", summary: "One version of a graph, with its spec", access: "public", response: GraphVersionRecord }, ({ params }) => {
      const version = z.coerce.number().int().min(1).safeParse(params.version);
      if (!version.success) throw new AppError(400, "VALIDATION_FAILED", `version must be a whole number from 1, got \`${params.version}\``);
      return versionOf(params.name, version.data);
    })
    .add({ method: "post", path: "/:name/versions", summary: "Validate a spec and save it as the graph's next version", access: "analyst", body: SaveGraphRequest, response: GraphVersionRecord, status: 201 }, ({ params, body }) => {
      if (!/^[\w.-]{1,200}$/.test(params.name)) throw new AppError(400, "VALIDATION_FAILED", "graph names use letters, digits, `_`, `.` and `-` only");
      return save(params.name, body.spec, body.note);
    })
    .add({ method: "get", path: "/:name/diff", summary: "What changed between two versions: nodes and edges added, removed and changed, by id", access: "public", query: GraphDiffQuery, response: GraphDiff }, async ({ params, query }) => {
      const [from, to] = await Promise.all([versionOf(params.name, query.from), versionOf(params.name, query.to)]);
      return { name: params.name, from: from.version, to: to.version, ...diffSpecs(from.spec, to.spec) };
    })
    .add({ method: "get", path: "/:name/export", summary: "A version's spec as a JSON file to download (latest unless `version`)", access: "public", query: GraphVersionQuery, response: GraphSpec }, async ({ params, query, res }) => {
      const record = await versionOf(params.name, query.version);
      res.setHeader("Content-Disposition", `attachment; filename="${record.name}-v${record.version}.json"`);
      return record.spec;
    });
}
