import type { ExperimentSnapshot } from "../../../schemas/experiment.ts";
import { ms } from "../common/format.ts";
import { ExposureBars } from "./ExposureBars.tsx";
import { fixed } from "./stat-format.ts";

const signed = (x: number) => fixed(x, 1, true);

/** Who has seen each variant so far (users, sessions, feeds served) and how fast it answered (p95 turn latency; a slowdown whose interval excludes 0 is marked). */
export function ExposurePanel({ exposures, latency }: Pick<ExperimentSnapshot, "exposures" | "latency">) {
  const sum = (key: "users" | "sessions" | "exposures") => exposures.reduce((s, e) => s + e[key], 0);
  return (
    <section className="exposure-panel" aria-label="Exposures">
      <h3>Exposures</h3>
      <div className="exposure-body">
        <table aria-label="Exposures per variant">
          <thead><tr><th>variant</th><th>users</th><th>sessions</th><th>feeds served</th><th>p95 latency</th><th>p95 Δ vs control [95% CI]</th><th>turns</th></tr></thead>
          <tbody>
            {exposures.map((e) => {
              const l = latency.find((x) => x.variant === e.variant);
              return (
                <tr key={e.variant}>
                  <td>{e.variant}</td><td>{e.users}</td><td>{e.sessions}</td><td>{e.exposures}</td>
                  <td>{l?.p95Ms != null ? ms(l.p95Ms) : "—"}</td>
                  <td className={l?.p95DiffMs && l.p95DiffMs.low > 0 ? "worse" : undefined}>{l?.p95DiffMs ? `${signed(l.p95DiffMs.estimate)} [${signed(l.p95DiffMs.low)}, ${signed(l.p95DiffMs.high)}] ms` : "—"}</td>
                  <td>{l?.turns ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr><th>total</th><th>{sum("users")}</th><th>{sum("sessions")}</th><th>{sum("exposures")}</th><th /><th /><th>{latency.reduce((s, l) => s + l.turns, 0)}</th></tr>
          </tfoot>
        </table>
        <ExposureBars exposures={exposures} />
      </div>
    </section>
  );
}
