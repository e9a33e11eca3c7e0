import { describe, expect, it } from "vitest";
import { SeededRandom } from "@seed/random";
import { evenShare, solveAssignment, type PreferenceLevel, type SolverInput, type SolverResult } from "../../app/server/review/assignment-solver";

const key = (applicationId: string, jurorId: string) => `${applicationId}|${jurorId}`;

/** A random stage: jury of 3–60, 10–1,000 applications, conflicts, preferences, expertise, some maxima set. */
function randomInstance(seed: number, limits = { maxJurors: 60, maxApplications: 1000 }): SolverInput {
  const random = new SeededRandom(seed);
  const jurorCount = random.int(3, limits.maxJurors);
  const applicationCount = random.int(10, limits.maxApplications);
  const reviews = random.int(1, Math.min(4, jurorCount));
  const jurors = Array.from({ length: jurorCount }, (_, index) => ({
    id: `j${String(index).padStart(3, "0")}-${seed}`,
    maxLoad: random.next() < 0.15 ? random.int(1, Math.ceil((applicationCount * reviews) / jurorCount) + 2) : null,
    currentLoad: 0,
  }));
  const applications = Array.from({ length: applicationCount }, (_, index) => ({
    id: `a${String(index).padStart(4, "0")}-${seed}`,
    needed: reviews,
  }));
  const conflictShare = random.next() * 0.3;
  const forbidden: SolverInput["forbidden"] = [];
  const preferences: SolverInput["preferences"] = [];
  const expertise: SolverInput["expertise"] = [];
  const levels: PreferenceLevel[] = ["EAGER", "WILLING", "RATHER_NOT"];
  for (const application of applications) {
    for (const juror of jurors) {
      const roll = random.next();
      if (roll < conflictShare) forbidden.push({ applicationId: application.id, jurorId: juror.id });
      else if (roll < conflictShare + 0.1)
        preferences.push({
          applicationId: application.id,
          jurorId: juror.id,
          level: levels[random.int(0, 2)]!,
        });
      if (random.next() < 0.1)
        expertise.push({
          applicationId: application.id,
          jurorId: juror.id,
          matches: random.int(1, 3),
        });
    }
  }
  return { jurors, applications, forbidden, preferences, expertise };
}

/**
 * Checks a result against its input without trusting the solver: the rules, and optimality through
 * the residual network (no alternating path could add a review, none could move one from a juror to
 * one carrying two or more fewer).
 */
function checkResult(input: SolverInput, result: SolverResult) {
  const forbidden = new Set(input.forbidden.map((pair) => key(pair.applicationId, pair.jurorId)));
  const assigned = new Set(result.assignments.map((pair) => key(pair.applicationId, pair.jurorId)));
  expect(assigned.size).toBe(result.assignments.length);
  for (const pair of result.assignments) expect(forbidden.has(key(pair.applicationId, pair.jurorId))).toBe(false);

  const share = evenShare(input);
  const load = new Map(input.jurors.map((juror) => [juror.id, juror.currentLoad]));
  const maxLoad = new Map(input.jurors.map((juror) => [juror.id, Math.max(juror.currentLoad, juror.maxLoad ?? share)]));
  const added = new Map(input.applications.map((application) => [application.id, 0]));
  for (const pair of result.assignments) {
    load.set(pair.jurorId, load.get(pair.jurorId)! + 1);
    added.set(pair.applicationId, added.get(pair.applicationId)! + 1);
  }
  for (const juror of input.jurors) expect(load.get(juror.id)).toBeLessThanOrEqual(maxLoad.get(juror.id)!);
  expect(result.loads).toEqual(
    [...input.jurors]
      .sort((left, right) => (left.id < right.id ? -1 : 1))
      .map((juror) => ({
        jurorId: juror.id,
        load: load.get(juror.id),
        maxLoad: maxLoad.get(juror.id),
      }))
  );

  const shortfall = new Map(result.shortfalls.map((entry) => [entry.applicationId, entry]));
  for (const application of input.applications) {
    const missing = application.needed - added.get(application.id)!;
    expect(shortfall.get(application.id)?.missing ?? 0).toBe(missing);
    if (missing > 0) {
      const withoutConflict = input.jurors.filter((juror) => !forbidden.has(key(application.id, juror.id))).length;
      const reason = input.jurors.length === 0 ? "NO_JURY" : withoutConflict < application.needed ? "TOO_FEW_JURORS_WITHOUT_CONFLICT" : "MAXIMA_REACHED";
      expect(shortfall.get(application.id)?.reason).toBe(reason);
    }
  }

  // The residual network: an application reaches a juror it could still get, a juror reaches the
  // applications newly given to them (that review could move on).
  const canTake = (applicationId: string, jurorId: string) => !forbidden.has(key(applicationId, jurorId)) && !assigned.has(key(applicationId, jurorId));
  const newlyGiven = new Map<string, string[]>(input.jurors.map((juror) => [juror.id, []]));
  for (const pair of result.assignments) newlyGiven.get(pair.jurorId)!.push(pair.applicationId);
  const jurorsReachable = (startApplications: string[]) => {
    const seenApplications = new Set(startApplications);
    const seenJurors = new Set<string>();
    const queue = [...startApplications];
    while (queue.length > 0) {
      const applicationId = queue.shift()!;
      for (const juror of input.jurors) {
        if (seenJurors.has(juror.id) || !canTake(applicationId, juror.id)) continue;
        seenJurors.add(juror.id);
        for (const next of newlyGiven.get(juror.id)!) {
          if (seenApplications.has(next)) continue;
          seenApplications.add(next);
          queue.push(next);
        }
      }
    }
    return seenJurors;
  };
  const hasRoom = (jurorId: string) => load.get(jurorId)! < maxLoad.get(jurorId)!;
  const short = result.shortfalls.map((entry) => entry.applicationId);
  for (const jurorId of jurorsReachable(short)) expect(hasRoom(jurorId), `a review could still go to ${jurorId}`).toBe(false);
  for (const juror of input.jurors) {
    const heavier = load.get(juror.id)!;
    for (const other of jurorsReachable(newlyGiven.get(juror.id)!)) {
      if (hasRoom(other)) expect(load.get(other)!, `a review could move from ${juror.id} to ${other}`).toBeGreaterThanOrEqual(heavier - 1);
    }
  }
  return { load, added };
}

describe("automatic assignment (min-cost flow)", () => {
  const seeds = Array.from({ length: 40 }, (_, index) => 1000 + index);

  it.each(seeds)("instance %i: reviews met or the shortfall explained, loads as even as conflicts allow, never a conflict", (seed) => {
    const input = randomInstance(seed, seed % 8 === 0 ? { maxJurors: 60, maxApplications: 1000 } : { maxJurors: 60, maxApplications: 200 });
    checkResult(input, solveAssignment(input));
  });

  it.each(seeds.slice(0, 10))("instance %i: the same input in any order gives the same result", (seed) => {
    const input = randomInstance(seed, {
      maxJurors: 30,
      maxApplications: 150,
    });
    const random = new SeededRandom(seed * 7);
    const shuffled: SolverInput = {
      jurors: random.shuffle(input.jurors),
      applications: random.shuffle(input.applications),
      forbidden: random.shuffle(input.forbidden),
      preferences: random.shuffle(input.preferences),
      expertise: random.shuffle(input.expertise),
    };
    const result = solveAssignment(input);
    expect(solveAssignment(input)).toEqual(result);
    expect(solveAssignment(shuffled)).toEqual(result);
  });

  it("spreads loads to within one when nothing is in the way", () => {
    const jurors = Array.from({ length: 7 }, (_, index) => ({
      id: `j${index}`,
      maxLoad: null,
      currentLoad: 0,
    }));
    const applications = Array.from({ length: 50 }, (_, index) => ({
      id: `a${index}`,
      needed: 3,
    }));
    const result = solveAssignment({
      jurors,
      applications,
      forbidden: [],
      preferences: [],
      expertise: [],
    });
    const loads = result.loads.map((entry) => entry.load);
    expect(result.shortfalls).toEqual([]);
    expect(Math.max(...loads) - Math.min(...loads)).toBe(1);
    expect(loads.reduce((sum, value) => sum + value, 0)).toBe(150);
  });

  it("mixes a small jury: every two jurors review some application together, not the same three always", () => {
    // Six jurors, 40 applications, three reviews each, nothing else to choose by: without the mixing
    // cost the flow fell into two fixed groups of three, whose leniency cannot be compared.
    const jurors = Array.from({ length: 6 }, (_, index) => ({ id: `juror-${index}`, maxLoad: null, currentLoad: 0 }));
    const applications = Array.from({ length: 40 }, (_, index) => ({ id: `application-${index}`, needed: 3 }));
    const result = solveAssignment({ jurors, applications, forbidden: [], preferences: [], expertise: [] });
    const panels = new Map<string, string[]>();
    for (const pair of result.assignments) panels.set(pair.applicationId, [...(panels.get(pair.applicationId) ?? []), pair.jurorId]);
    const together = new Set([...panels.values()].flatMap((panel) => panel.flatMap((a) => panel.filter((b) => a < b).map((b) => `${a}+${b}`))));
    expect(together.size).toBe(15);
    expect(new Set([...panels.values()].map((panel) => [...panel].sort().join())).size).toBeGreaterThan(6);
    expect(result.loads.map((entry) => entry.load)).toEqual([20, 20, 20, 20, 20, 20]);
  });

  it("gives wishes before willingness and avoids 'rather not' where the loads allow", () => {
    const jurors = ["anna", "ben", "cem"].map((id) => ({
      id,
      maxLoad: null,
      currentLoad: 0,
    }));
    const applications = ["x", "y", "z"].map((id) => ({ id, needed: 1 }));
    const result = solveAssignment({
      jurors,
      applications,
      forbidden: [],
      preferences: [
        { applicationId: "x", jurorId: "anna", level: "RATHER_NOT" },
        { applicationId: "x", jurorId: "cem", level: "EAGER" },
        { applicationId: "y", jurorId: "anna", level: "EAGER" },
        { applicationId: "z", jurorId: "cem", level: "WILLING" },
      ],
      expertise: [{ applicationId: "z", jurorId: "ben", matches: 2 }],
    });
    expect(result.assignments).toEqual([
      { applicationId: "x", jurorId: "cem" },
      { applicationId: "y", jurorId: "anna" },
      { applicationId: "z", jurorId: "ben" },
    ]);
  });

  it("keeps evenness above preferences: an eager juror does not get a second review while another has none", () => {
    const result = solveAssignment({
      jurors: [
        { id: "eager", maxLoad: 5, currentLoad: 0 },
        { id: "other", maxLoad: 5, currentLoad: 0 },
      ],
      applications: [
        { id: "a1", needed: 1 },
        { id: "a2", needed: 1 },
      ],
      forbidden: [],
      preferences: [
        { applicationId: "a1", jurorId: "eager", level: "EAGER" },
        { applicationId: "a2", jurorId: "eager", level: "EAGER" },
        { applicationId: "a1", jurorId: "other", level: "RATHER_NOT" },
        { applicationId: "a2", jurorId: "other", level: "RATHER_NOT" },
      ],
      expertise: [],
    });
    expect(result.loads.map((entry) => entry.load)).toEqual([1, 1]);
  });

  it("names the reason of a shortfall", () => {
    const jurors = [
      { id: "j1", maxLoad: 1, currentLoad: 0 },
      { id: "j2", maxLoad: null, currentLoad: 0 },
    ];
    const applications = [
      { id: "conflicted", needed: 2 },
      { id: "plain-1", needed: 2 },
      { id: "plain-2", needed: 2 },
    ];
    const result = solveAssignment({
      jurors,
      applications,
      forbidden: [{ applicationId: "conflicted", jurorId: "j2" }],
      preferences: [],
      expertise: [],
    });
    // j2 takes each plain application once (two of its three), j1 one review anywhere: 3 of 6.
    expect(result.shortfalls.reduce((sum, entry) => sum + entry.missing, 0)).toBe(3);
    for (const entry of result.shortfalls) expect(entry.reason).toBe(entry.applicationId === "conflicted" ? "TOO_FEW_JURORS_WITHOUT_CONFLICT" : "MAXIMA_REACHED");
    expect(
      solveAssignment({
        jurors: [],
        applications,
        forbidden: [],
        preferences: [],
        expertise: [],
      }).shortfalls.map((entry) => entry.reason)
    ).toEqual(["NO_JURY", "NO_JURY", "NO_JURY"]);
  });

  it.each(seeds.slice(0, 12))("instance %i: a re-run after a juror left and late conflicts keeps every assignment and fills only the gaps", (seed) => {
    const input = randomInstance(seed, {
      maxJurors: 40,
      maxApplications: 300,
    });
    const first = solveAssignment(input);
    const random = new SeededRandom(seed * 13);
    const leaving = input.jurors[random.int(0, input.jurors.length - 1)]!.id;
    const lateConflicts = new Set(first.assignments.filter((pair) => pair.jurorId !== leaving && random.next() < 0.05).map((pair) => key(pair.applicationId, pair.jurorId)));
    const kept = first.assignments.filter((pair) => pair.jurorId !== leaving && !lateConflicts.has(key(pair.applicationId, pair.jurorId)));
    const keptPerApplication = new Map<string, number>();
    for (const pair of kept) keptPerApplication.set(pair.applicationId, (keptPerApplication.get(pair.applicationId) ?? 0) + 1);
    const remaining = input.jurors.filter((juror) => juror.id !== leaving);
    const second: SolverInput = {
      ...input,
      jurors: remaining.map((juror) => ({
        ...juror,
        currentLoad: kept.filter((pair) => pair.jurorId === juror.id).length,
      })),
      applications: input.applications.map((application) => ({
        id: application.id,
        needed: application.needed - (keptPerApplication.get(application.id) ?? 0),
      })),
      // Every pair that has an assignment (kept, left behind or in conflict now) is taken.
      forbidden: [...input.forbidden, ...first.assignments],
    };
    const rerun = solveAssignment(second);
    checkResult(second, rerun);
    const before = new Set(first.assignments.map((pair) => key(pair.applicationId, pair.jurorId)));
    for (const pair of rerun.assignments) {
      expect(before.has(key(pair.applicationId, pair.jurorId))).toBe(false);
      expect(second.applications.find((application) => application.id === pair.applicationId)!.needed).toBeGreaterThan(0);
    }
  });
});
