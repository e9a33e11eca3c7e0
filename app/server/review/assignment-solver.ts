/**
 * Automatic assignment of reviews as a minimum-cost flow (docs/decisions/011-automatic-assignment.md).
 * Pure: no database, no clock. The network is source → application (capacity: reviews still needed)
 * → juror (capacity 1, no arc for a forbidden pair; cost from preference and expertise) → sink
 * (one arc per further review the juror may take, each dearer than the one before). The rising
 * price of a juror's next review dominates every preference cost, so the cheapest flow first takes
 * as many reviews as possible, then spreads them as evenly as the conflicts allow, and only then
 * follows preferences and expertise.
 */

export type PreferenceLevel = "EAGER" | "WILLING" | "RATHER_NOT";

export interface SolverJuror {
  id: string;
  /** At most this many reviews in all; null: the even share rounded up. */
  maxLoad: number | null;
  /** Reviews the juror already has in this stage (kept by the run). */
  currentLoad: number;
}

export interface SolverApplication {
  id: string;
  /** Reviews the application still needs beyond those it has. */
  needed: number;
}

export interface SolverInput {
  jurors: SolverJuror[];
  applications: SolverApplication[];
  /** Pairs never to assign: conflicts not dismissed, and pairs that already have an assignment. */
  forbidden: { applicationId: string; jurorId: string }[];
  preferences: {
    applicationId: string;
    jurorId: string;
    level: PreferenceLevel;
  }[];
  /** How many expertise areas the juror shares with the application's topics (pairs with none may be left out). */
  expertise: { applicationId: string; jurorId: string; matches: number }[];
}

/**
 * Why an application got fewer reviews than it needs. NO_JURY: the stage has no jurors;
 * TOO_FEW_JURORS_WITHOUT_CONFLICT: fewer jurors could take it at all than it needs;
 * MAXIMA_REACHED: jurors without conflict exist, but their maximum loads are used up.
 */
export type ShortfallReason = "NO_JURY" | "TOO_FEW_JURORS_WITHOUT_CONFLICT" | "MAXIMA_REACHED";

export interface SolverResult {
  /** New pairs, sorted by application and juror id. */
  assignments: { applicationId: string; jurorId: string }[];
  /** Every juror's load after the run and the maximum the run applied, sorted by juror id. */
  loads: { jurorId: string; load: number; maxLoad: number }[];
  shortfalls: {
    applicationId: string;
    missing: number;
    reason: ShortfallReason;
  }[];
}

/** Cost of a pair by preference: a wish is honoured before mere willingness, "rather not" comes last. */
const PREFERENCE_COST: Record<PreferenceLevel | "NONE", number> = {
  EAGER: 0,
  WILLING: 2,
  NONE: 3,
  RATHER_NOT: 8,
};
/** Each shared area of expertise makes a pair cheaper, up to this many areas. */
const EXPERTISE_CAP = 2;
/**
 * Preference and expertise costs are multiplied by this, and each pair adds a fixed pseudo-random
 * amount below it. Among otherwise equal jurors that spreads every juror's applications over many
 * colleagues instead of letting the same few always review together, which the ranking's leniency
 * model needs to tell a kind juror from a strong batch. Never enough to outweigh a preference.
 */
const MIXING = 4;
const MAX_PAIR_COST = (PREFERENCE_COST.RATHER_NOT + EXPERTISE_CAP) * MIXING + MIXING - 1;

/**
 * A fixed number in 0 … MIXING − 1 for a pair: FNV-1a of both ids, then MurmurHash3's final mix,
 * because ids that differ only in their last characters leave FNV's low bits alike.
 */
function mixingCost(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % MIXING;
}

/** The maximum a juror gets when none is set: the stage's reviews (kept and needed) shared evenly, rounded up. */
export function evenShare(input: Pick<SolverInput, "jurors" | "applications">): number {
  if (input.jurors.length === 0) return 0;
  const kept = input.jurors.reduce((sum, juror) => sum + juror.currentLoad, 0);
  const needed = input.applications.reduce((sum, application) => sum + Math.max(0, application.needed), 0);
  return Math.ceil((kept + needed) / input.jurors.length);
}

const pairKey = (applicationId: string, jurorId: string) => `${applicationId}\u0000${jurorId}`;
const byId = (left: { id: string }, right: { id: string }) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);

export function solveAssignment(input: SolverInput): SolverResult {
  // Sorting first makes the result independent of the order the caller listed things in.
  const jurors = [...input.jurors].sort(byId);
  const applications = [...input.applications].sort(byId);
  const share = evenShare(input);
  const maxLoads = jurors.map((juror) => Math.max(juror.currentLoad, juror.maxLoad ?? share));
  const forbidden = new Set(input.forbidden.map((pair) => pairKey(pair.applicationId, pair.jurorId)));
  const preference = new Map(input.preferences.map((entry) => [pairKey(entry.applicationId, entry.jurorId), entry.level]));
  const expertise = new Map(input.expertise.map((entry) => [pairKey(entry.applicationId, entry.jurorId), entry.matches]));
  const pairCost = (applicationId: string, jurorId: string) => {
    const key = pairKey(applicationId, jurorId);
    return (PREFERENCE_COST[preference.get(key) ?? "NONE"] + EXPERTISE_CAP - Math.min(EXPERTISE_CAP, expertise.get(key) ?? 0)) * MIXING + mixingCost(key);
  };

  const totalNeeded = applications.reduce((sum, application) => sum + Math.max(0, application.needed), 0);
  // One more review on a juror costs more than all preference costs of the whole run together, so
  // evening out the loads always wins over preferences (see the decision record).
  const loadStep = MAX_PAIR_COST * totalNeeded + 1;

  const source = 0;
  const sink = 1;
  const applicationNode = (index: number) => 2 + index;
  const jurorNode = (index: number) => 2 + applications.length + index;
  const graph = new FlowGraph(2 + applications.length + jurors.length);
  const sourceArcs = applications.map((application, index) => graph.addArc(source, applicationNode(index), Math.max(0, application.needed), 0));
  const pairArcs: { arc: number; application: number; juror: number }[] = [];
  const allowedJurors = applications.map(() => 0);
  applications.forEach((application, applicationIndex) => {
    jurors.forEach((juror, jurorIndex) => {
      if (forbidden.has(pairKey(application.id, juror.id))) return;
      allowedJurors[applicationIndex] = allowedJurors[applicationIndex]! + 1;
      pairArcs.push({
        arc: graph.addArc(applicationNode(applicationIndex), jurorNode(jurorIndex), 1, pairCost(application.id, juror.id)),
        application: applicationIndex,
        juror: jurorIndex,
      });
    });
  });
  jurors.forEach((juror, index) => {
    for (let load = juror.currentLoad + 1; load <= maxLoads[index]!; load += 1) graph.addArc(jurorNode(index), sink, 1, load * loadStep);
  });

  graph.minCostFlow(source, sink);

  const assignments = pairArcs
    .filter((pair) => graph.flowOf(pair.arc) > 0)
    .map((pair) => ({
      applicationId: applications[pair.application]!.id,
      jurorId: jurors[pair.juror]!.id,
    }));
  const added = jurors.map(() => 0);
  for (const pair of pairArcs) if (graph.flowOf(pair.arc) > 0) added[pair.juror] = added[pair.juror]! + 1;
  const shortfalls = applications.flatMap((application, index) => {
    const missing = Math.max(0, application.needed) - graph.flowOf(sourceArcs[index]!);
    if (missing === 0) return [];
    const reason: ShortfallReason =
      jurors.length === 0 ? "NO_JURY" : allowedJurors[index]! < Math.max(0, application.needed) ? "TOO_FEW_JURORS_WITHOUT_CONFLICT" : "MAXIMA_REACHED";
    return [{ applicationId: application.id, missing, reason }];
  });
  return {
    assignments,
    loads: jurors.map((juror, index) => ({
      jurorId: juror.id,
      load: juror.currentLoad + added[index]!,
      maxLoad: maxLoads[index]!,
    })),
    shortfalls,
  };
}

/**
 * A residual network with integer costs, solved by successive shortest paths: Dijkstra on reduced
 * costs (potentials keep them non-negative), then a blocking flow along every arc whose reduced cost
 * is zero, level by level as in Dinic's algorithm, so one Dijkstra serves many augmentations.
 */
class FlowGraph {
  private readonly heads: number[][];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly cost: number[] = [];

  constructor(private readonly size: number) {
    this.heads = Array.from({ length: size }, () => []);
  }

  /** Adds an arc and its reverse; answers the arc's index. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const index = this.to.length;
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.cost.push(cost, -cost);
    this.heads[from]!.push(index);
    this.heads[to]!.push(index + 1);
    return index;
  }

  /** The flow on an arc: what its reverse can give back. */
  flowOf(arc: number): number {
    return this.capacity[arc + 1]!;
  }

  private from(arc: number): number {
    return this.to[arc ^ 1]!;
  }

  minCostFlow(source: number, sink: number): void {
    // All costs start non-negative, so zero potentials are valid.
    const potential = new Array<number>(this.size).fill(0);
    for (;;) {
      const distance = this.shortestDistances(source, potential);
      const toSink = distance[sink]!;
      if (toSink === Infinity) return;
      // Capping at the sink's distance keeps every reduced cost non-negative, also for nodes not reached.
      for (let node = 0; node < this.size; node += 1) potential[node] = potential[node]! + Math.min(distance[node]!, toSink);
      while (this.augmentAlongZeroCostArcs(source, sink, potential) > 0);
    }
  }

  private reducedCost(arc: number, potential: number[]): number {
    return this.cost[arc]! + potential[this.from(arc)]! - potential[this.to[arc]!]!;
  }

  private shortestDistances(source: number, potential: number[]): number[] {
    const distance = new Array<number>(this.size).fill(Infinity);
    const heap = new MinHeap();
    distance[source] = 0;
    heap.push(0, source);
    while (heap.size > 0) {
      const [found, node] = heap.pop();
      if (found > distance[node]!) continue;
      for (const arc of this.heads[node]!) {
        if (this.capacity[arc]! <= 0) continue;
        const next = this.to[arc]!;
        const candidate = found + this.reducedCost(arc, potential);
        if (candidate < distance[next]!) {
          distance[next] = candidate;
          heap.push(candidate, next);
        }
      }
    }
    return distance;
  }

  /** One blocking flow on the arcs of reduced cost zero; answers how much it sent. */
  private augmentAlongZeroCostArcs(source: number, sink: number, potential: number[]): number {
    const level = new Array<number>(this.size).fill(-1);
    const queue = [source];
    level[source] = 0;
    for (let head = 0; head < queue.length; head += 1) {
      const node = queue[head]!;
      for (const arc of this.heads[node]!) {
        const next = this.to[arc]!;
        if (this.capacity[arc]! > 0 && level[next] === -1 && this.reducedCost(arc, potential) === 0) {
          level[next] = level[node]! + 1;
          queue.push(next);
        }
      }
    }
    if (level[sink] === -1) return 0;
    const nextArc = new Array<number>(this.size).fill(0);
    const push = (node: number, limit: number): number => {
      if (node === sink) return limit;
      const arcs = this.heads[node]!;
      for (; nextArc[node]! < arcs.length; nextArc[node]! += 1) {
        const arc = arcs[nextArc[node]!]!;
        const next = this.to[arc]!;
        if (this.capacity[arc]! <= 0 || level[next] !== level[node]! + 1 || this.reducedCost(arc, potential) !== 0) continue;
        const sent = push(next, Math.min(limit, this.capacity[arc]!));
        if (sent > 0) {
          this.capacity[arc] = this.capacity[arc]! - sent;
          this.capacity[arc ^ 1] = this.capacity[arc ^ 1]! + sent;
          return sent;
        }
      }
      return 0;
    };
    let total = 0;
    for (let sent = push(source, Infinity); sent > 0; sent = push(source, Infinity)) total += sent;
    return total;
  }
}

/** A binary heap of (distance, node), smallest distance first. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    let index = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[index] = this.keys[parent]!;
      this.values[index] = this.values[parent]!;
      index = parent;
    }
    this.keys[index] = key;
    this.values[index] = value;
  }

  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.values[0]!];
    const lastKey = this.keys.pop()!;
    const lastValue = this.values.pop()!;
    const size = this.keys.length;
    if (size > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && this.keys[right]! < this.keys[left]! ? right : left;
        if (this.keys[child]! >= lastKey) break;
        this.keys[index] = this.keys[child]!;
        this.values[index] = this.values[child]!;
        index = child;
      }
      this.keys[index] = lastKey;
      this.values[index] = lastValue;
    }
    return top;
  }
}
