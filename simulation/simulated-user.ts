import type { AttributeIndex } from "../catalog/attribute-index.ts";
import { createRandom } from "../models/seeded-random.ts";
import { emptyPreferences, type Preferences } from "../schemas/preferences.ts";
import type { Intent } from "../schemas/simulated-session.ts";
import { buildAgenda, type AgendaItem } from "./agenda.ts";
import { overrepresented } from "./critique.ts";
import { applyIntents } from "./gold-memory.ts";
import { renderCommand } from "./render-command.ts";
import { hardMatchCount } from "./satisfiable.ts";
import { targetFacts } from "./target-facts.ts";

/** How a simulated user paces a session (scenarios.ts holds the SR, MR and MRID presets). */
export interface UserPolicy {
  maxTurns: number;
  /** intents in the first command, [min, max] */
  firstIntents: [number, number];
  /** intents in each later command, [min, max] */
  laterIntents: [number, number];
  /** with two targets: turns spent on the first before the interest drifts (earlier if it is found) */
  driftAfter?: number;
  /** chance that a later turn opens with a critique of the feed, when the feed gives one */
  critiqueRate: number;
}

export interface SimulatedUserOptions {
  index: AttributeIndex;
  /** item indices; a second one is the target after the interest drift */
  targets: number[];
  policy: UserPolicy;
  seed: number;
  /** the target counts as found in this many top items; default 10 */
  k?: number;
  /** every stated set of hard constraints leaves at least this many items; default 20 */
  minMatches?: number;
}

/** One turn of the user: what it typed, what it meant, and the memory a perfect parser would now hold. */
export interface UserTurn {
  command: string;
  intents: Intent[];
  gold: Preferences;
  /** index into `targets` of the target this turn pursues */
  target: number;
}

/**
 * An agenda-based simulated user, stepped by the feeds it is shown: it knows its target's attributes, tells them
 * turn by turn (never one its target contradicts, never hard constraints with fewer than `minMatches` items),
 * critiques what the feed over-represents, and stops when the target is in the top k or its turns run out.
 */
export class SimulatedUser {
  private readonly random: () => number;
  private readonly k: number;
  private readonly minMatches: number;
  private memory = emptyPreferences();
  private agenda: AgendaItem[];
  private current = 0;
  private turns = 0;
  private turnsOnTarget = 0;
  private finished = false;

  constructor(private readonly options: SimulatedUserOptions) {
    this.random = createRandom(options.seed);
    this.k = options.k ?? 10;
    this.minMatches = options.minMatches ?? 20;
    this.agenda = this.agendaFor(0);
  }

  /** The target of the coming turn (index into `targets`). */
  get target(): number {
    return this.current;
  }

  /** The next command given the feed now shown (item indices, best first), or null when the session is over. */
  next(feed: ArrayLike<number>): UserTurn | null {
    const { policy, targets } = this.options;
    if (this.finished || this.turns >= policy.maxTurns) return this.finish();
    const found = Array.prototype.slice.call(feed, 0, this.k).includes(targets[this.current]);
    const canDrift = this.current + 1 < targets.length;
    if (found && !canDrift) return this.finish();
    const drift = canDrift && (found || this.turnsOnTarget >= (policy.driftAfter ?? Infinity));
    if (drift) {
      this.current++;
      this.turnsOnTarget = 0;
      this.memory = emptyPreferences();
      this.agenda = this.agendaFor(this.current);
    }
    const [lo, hi] = this.turns === 0 || drift ? policy.firstIntents : policy.laterIntents;
    const wanted = lo + Math.floor(this.random() * (hi - lo + 1));
    const intents: Intent[] = drift ? [{ kind: "reset" }] : [];
    const said = this.tell(feed, wanted, !drift && this.turns > 0);
    if (said.length === 0) return this.finish();
    intents.push(...said);
    this.turns++;
    this.turnsOnTarget++;
    const { catalog } = this.options.index;
    return { command: renderCommand(intents, catalog, this.random), intents, gold: structuredClone(this.memory), target: this.current };
  }

  private finish(): null {
    this.finished = true;
    return null;
  }

  private agendaFor(t: number): AgendaItem[] {
    const { catalog } = this.options.index;
    return buildAgenda(catalog, targetFacts(catalog, this.options.targets[t]), this.random);
  }

  /** Up to `wanted` intents, committed to memory one by one, each kept only while the hard constraints stay satisfiable. */
  private tell(feed: ArrayLike<number>, wanted: number, mayCritique: boolean): Intent[] {
    const said: Intent[] = [];
    const { catalog } = this.options.index;
    const shown = Array.prototype.slice.call(feed, 0, this.k) as number[];
    if (mayCritique && this.random() < this.options.policy.critiqueRate) {
      const [worst] = overrepresented(catalog, shown, this.options.targets[this.current], this.memory);
      if (worst) said.push(this.commit({ kind: "critique", strength: "soft", attribute: worst.attribute, values: [worst.value] })!);
    }
    while (said.length < wanted && this.agenda.length > 0) {
      const intent = this.satisfiable(this.agenda.shift()!);
      if (intent) said.push(this.commit(intent)!);
    }
    if (said.length === 0 && shown.length > 0) {
      const [worst] = overrepresented(catalog, shown, this.options.targets[this.current], this.memory);
      if (worst) said.push(this.commit({ kind: "critique", strength: "soft", attribute: worst.attribute, values: [worst.value] })!);
    }
    return said;
  }

  private commit(intent: Intent): Intent {
    this.memory = applyIntents(this.memory, [intent]);
    return intent;
  }

  /** The intent as stated, widened, or softened so at least `minMatches` items pass every hard constraint; or null. */
  private satisfiable(item: AgendaItem): Intent | null {
    const { index } = this.options;
    const fits = (intent: Intent) =>
      ("strength" in intent && intent.strength === "soft") || hardMatchCount(index, applyIntents(this.memory, [intent])) >= this.minMatches;
    if (fits(item.intent)) return item.intent;
    for (let slack = 1; item.widen && slack <= 3; slack++) {
      const wider = item.widen(slack);
      if (wider && fits(wider)) return wider;
    }
    const { intent } = item;
    if (intent.kind === "want" || intent.kind === "avoid") return { ...intent, strength: "soft" };
    return null;
  }
}
