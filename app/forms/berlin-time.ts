import { formatInTimeZone, getTimezoneOffset } from "date-fns-tz";

/**
 * Deadlines are entered as a Europe/Berlin calendar day and wall-clock time (two form inputs) and
 * stored as UTC instants. On the spring-forward day the hour 02:00–02:59 does not exist in Berlin,
 * and on the autumn day it happens twice; a deadline must never silently move by an hour, so a
 * missing time is refused and a doubled one means its first occurrence (summer time).
 */
export const BERLIN_TIME_ZONE = "Europe/Berlin";

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^(\d{2}):(\d{2})$/;
const HOUR_MS = 3_600_000;

export type BerlinConversion =
  | { ok: true; instant: Date }
  | { ok: false; problem: "invalidDate" | "invalidTime" | "nonexistentTime" };

/** The UTC instant of a Berlin wall-clock time given as `YYYY-MM-DD` and `HH:mm`. */
export function berlinWallClockToUtc(date: string, time: string): BerlinConversion {
  const day = datePattern.exec(date.trim());
  if (!day) return { ok: false, problem: "invalidDate" };
  const [year, month, dayOfMonth] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const calendarDay = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (calendarDay.getUTCFullYear() !== year || calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== dayOfMonth) {
    return { ok: false, problem: "invalidDate" };
  }
  const clock = timePattern.exec(time.trim());
  if (!clock || Number(clock[1]) > 23 || Number(clock[2]) > 59) return { ok: false, problem: "invalidTime" };
  const wall = Date.UTC(year, month - 1, dayOfMonth, Number(clock[1]), Number(clock[2]));
  const wanted = `${date.trim()} ${time.trim()}`;
  // The offsets in force a day either side cover both sides of any switch on this day; each gives
  // one candidate instant, and only candidates that read back as the entered time are real.
  const offsets = new Set([getTimezoneOffset(BERLIN_TIME_ZONE, new Date(wall - 24 * HOUR_MS)), getTimezoneOffset(BERLIN_TIME_ZONE, new Date(wall + 24 * HOUR_MS))]);
  const matching = [...offsets]
    .map((offset) => wall - offset)
    .filter((candidate) => formatInTimeZone(new Date(candidate), BERLIN_TIME_ZONE, "yyyy-MM-dd HH:mm") === wanted)
    .sort((a, b) => a - b);
  const first = matching[0];
  return first === undefined ? { ok: false, problem: "nonexistentTime" } : { ok: true, instant: new Date(first) };
}

/** The Berlin calendar day and wall-clock time of an instant, as the two form inputs want them. */
export function utcToBerlinWallClock(instant: Date | string): { date: string; time: string } {
  const moment = new Date(instant);
  return { date: formatInTimeZone(moment, BERLIN_TIME_ZONE, "yyyy-MM-dd"), time: formatInTimeZone(moment, BERLIN_TIME_ZONE, "HH:mm") };
}
