// `BENCH_ONLY=assignment npm run bench` (or `npx tsx bench/assignment.ts`): the automatic assignment
// of a large stage, solver only (no database): 1,000 applications, 60 jurors, 3 reviews each, a few
// hundred random conflicts, some preferences and expertise matches. Prints the time and what the
// rules demand of the result.
import { SeededRandom } from "../prisma/seed/random.ts";
import { solveAssignment, type PreferenceLevel, type SolverInput } from "../app/server/review/assignment-solver.ts";

const APPLICATIONS = 1000;
const JURORS = 60;
const REVIEWS = 3;
const CONFLICTS = 400;

function largeStage(): SolverInput {
  const random = new SeededRandom(20261205);
  const jurors = Array.from({ length: JURORS }, (_, index) => ({
    id: `juror-${String(index).padStart(2, "0")}`,
    maxLoad: null,
    currentLoad: 0,
  }));
  const applications = Array.from({ length: APPLICATIONS }, (_, index) => ({
    id: `application-${String(index).padStart(4, "0")}`,
    needed: REVIEWS,
  }));
  const pick = () => ({
    applicationId: random.pick(applications).id,
    jurorId: random.pick(jurors).id,
  });
  const forbidden = Array.from({ length: CONFLICTS }, pick);
  const levels: PreferenceLevel[] = ["EAGER", "WILLING", "RATHER_NOT"];
  const preferences = Array.from({ length: 3000 }, () => ({
    ...pick(),
    level: random.pick(levels),
  }));
  const expertise = Array.from({ length: 6000 }, () => ({
    ...pick(),
    matches: random.int(1, 3),
  }));
  return { jurors, applications, forbidden, preferences, expertise };
}

export function printAssignmentBench(): void {
  const input = largeStage();
  const started = performance.now();
  const result = solveAssignment(input);
  const seconds = (performance.now() - started) / 1000;
  const loads = result.loads.map((entry) => entry.load);
  const forbidden = new Set(input.forbidden.map((pair) => `${pair.applicationId}|${pair.jurorId}`));
  const conflictsAssigned = result.assignments.filter((pair) => forbidden.has(`${pair.applicationId}|${pair.jurorId}`)).length;
  const unmet = result.shortfalls.reduce((sum, entry) => sum + entry.missing, 0);
  // How mixed the jury is: pairs of jurors who review at least one application together, and the
  // groups of jurors linked that way (1: every juror's scores can be compared with every other's).
  const jurorsOf = new Map<string, string[]>();
  for (const pair of result.assignments) jurorsOf.set(pair.applicationId, [...(jurorsOf.get(pair.applicationId) ?? []), pair.jurorId]);
  const together = new Set<string>();
  const group = new Map(input.jurors.map((juror) => [juror.id, juror.id]));
  const root = (id: string): string => (group.get(id) === id ? id : root(group.get(id)!));
  for (const jurors of jurorsOf.values())
    for (const a of jurors)
      for (const b of jurors)
        if (a < b) {
          together.add(`${a}|${b}`);
          group.set(root(a), root(b));
        }
  const groups = new Set(input.jurors.map((juror) => root(juror.id))).size;
  console.log(
    `bench assignment: apps=${APPLICATIONS} jurors=${JURORS} reviews=${REVIEWS} seconds=${seconds.toFixed(3)} max_load_spread=${
      Math.max(...loads) - Math.min(...loads)
    } conflicts_assigned=${conflictsAssigned} unmet=${unmet} juror_pairs_together=${together.size} juror_groups=${groups}`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printAssignmentBench();
