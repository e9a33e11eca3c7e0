import { describe, expect, it } from "vitest";
import { berlinWallClockToUtc, utcToBerlinWallClock } from "../../app/forms/berlin-time";

function instant(date: string, time: string): string {
  const result = berlinWallClockToUtc(date, time);
  if (!result.ok) throw new Error(`${date} ${time}: ${result.problem}`);
  return result.instant.toISOString();
}

describe("Berlin wall-clock time to UTC", () => {
  it("uses +1 h in winter and +2 h in summer", () => {
    expect(instant("2026-01-15", "12:00")).toBe("2026-01-15T11:00:00.000Z");
    expect(instant("2026-07-01", "23:59")).toBe("2026-07-01T21:59:00.000Z");
    expect(instant("2026-12-31", "00:00")).toBe("2026-12-30T23:00:00.000Z");
  });

  it("puts a deadline on the spring-forward day at 12:00 at 10:00Z and on the autumn day at 11:00Z", () => {
    expect(instant("2026-03-29", "12:00")).toBe("2026-03-29T10:00:00.000Z");
    expect(instant("2026-10-25", "12:00")).toBe("2026-10-25T11:00:00.000Z");
  });

  it("refuses 02:30 on 29 March 2026, which Berlin skips, but takes the minutes either side of the gap", () => {
    expect(berlinWallClockToUtc("2026-03-29", "02:30")).toEqual({ ok: false, problem: "nonexistentTime" });
    expect(berlinWallClockToUtc("2026-03-29", "02:00")).toEqual({ ok: false, problem: "nonexistentTime" });
    expect(berlinWallClockToUtc("2026-03-29", "02:59")).toEqual({ ok: false, problem: "nonexistentTime" });
    expect(instant("2026-03-29", "01:59")).toBe("2026-03-29T00:59:00.000Z");
    expect(instant("2026-03-29", "03:00")).toBe("2026-03-29T01:00:00.000Z");
  });

  it("reads 02:30 on 25 October 2026, which happens twice, as its first occurrence in summer time", () => {
    expect(instant("2026-10-25", "02:30")).toBe("2026-10-25T00:30:00.000Z");
    expect(instant("2026-10-25", "02:00")).toBe("2026-10-25T00:00:00.000Z");
    expect(instant("2026-10-25", "01:59")).toBe("2026-10-24T23:59:00.000Z");
    expect(instant("2026-10-25", "03:00")).toBe("2026-10-25T02:00:00.000Z");
  });

  it("refuses days and times that are not on the calendar or clock", () => {
    expect(berlinWallClockToUtc("2026-02-30", "12:00")).toEqual({ ok: false, problem: "invalidDate" });
    expect(berlinWallClockToUtc("30.01.2026", "12:00")).toEqual({ ok: false, problem: "invalidDate" });
    expect(berlinWallClockToUtc("2026-01-30", "24:00")).toEqual({ ok: false, problem: "invalidTime" });
    expect(berlinWallClockToUtc("2026-01-30", "12:60")).toEqual({ ok: false, problem: "invalidTime" });
    expect(berlinWallClockToUtc("2026-01-30", "noon")).toEqual({ ok: false, problem: "invalidTime" });
  });
});

describe("UTC to Berlin wall-clock time", () => {
  it("gives the two form values back, on both sides of each switch", () => {
    expect(utcToBerlinWallClock(new Date("2026-03-29T00:59:00Z"))).toEqual({ date: "2026-03-29", time: "01:59" });
    expect(utcToBerlinWallClock(new Date("2026-03-29T01:00:00Z"))).toEqual({ date: "2026-03-29", time: "03:00" });
    expect(utcToBerlinWallClock("2026-10-25T00:30:00Z")).toEqual({ date: "2026-10-25", time: "02:30" });
    expect(utcToBerlinWallClock("2026-10-25T01:30:00Z")).toEqual({ date: "2026-10-25", time: "02:30" });
    expect(utcToBerlinWallClock("2026-12-31T23:30:00Z")).toEqual({ date: "2027-01-01", time: "00:30" });
  });

  it("round-trips 2026 (every quarter hour around both switches); the repeated autumn hour reads back as its first occurrence", () => {
    const repeatedHour = { from: Date.UTC(2026, 9, 25, 1), to: Date.UTC(2026, 9, 25, 2) };
    const mismatches: string[] = [];
    const quarterHoursAround = (day: number) => Array.from({ length: 4 * 48 }, (_, index) => day - 86_400_000 + index * 15 * 60_000);
    const everySixHours = Array.from({ length: 4 * 365 }, (_, index) => Date.UTC(2025, 11, 31, 23) + index * 6 * 3_600_000);
    const moments = [...everySixHours, ...quarterHoursAround(Date.UTC(2026, 2, 29)), ...quarterHoursAround(Date.UTC(2026, 9, 25))];
    for (const moment of moments) {
      const { date, time } = utcToBerlinWallClock(new Date(moment));
      const back = berlinWallClockToUtc(date, time);
      const expected = moment >= repeatedHour.from && moment < repeatedHour.to ? moment - 3_600_000 : moment;
      if (!back.ok || back.instant.getTime() !== expected) mismatches.push(`${new Date(moment).toISOString()} → ${date} ${time}`);
    }
    expect(mismatches).toEqual([]);
  });
});
