// Calendar helpers for the seed: deadlines are Berlin wall-clock times stored as UTC instants.

const TIME_ZONE = "Europe/Berlin";

const berlinParts = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** A calendar day (month 1-12), without a time zone. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

function partsOf(instant: number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const values: Record<string, number> = {};
  for (const part of berlinParts.formatToParts(new Date(instant))) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 0,
    day: values.day ?? 0,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** Berlin's offset from UTC at `instant`, in milliseconds (+1 h in winter, +2 h in summer). */
function berlinOffset(instant: number): number {
  const p = partsOf(instant);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant of a Berlin wall-clock time, e.g. `berlinTime({ year: 2017, month: 2, day: 28 }, 12)`. */
export function berlinTime(day: Day, hour: number, minute = 0): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  let instant = wall - berlinOffset(wall);
  instant = wall - berlinOffset(instant);
  return new Date(instant);
}

/** The calendar day in Berlin at `instant`. */
export function berlinDay(instant: Date): Day {
  const { year, month, day } = partsOf(instant.getTime());
  return { year, month, day };
}

/** `day` moved by whole days, months or years (overflowing days roll over, as in `Date.UTC`). */
export function shiftDay(day: Day, shift: { days?: number; months?: number; years?: number }): Day {
  const date = new Date(
    Date.UTC(day.year + (shift.years ?? 0), day.month - 1 + (shift.months ?? 0), day.day + (shift.days ?? 0)),
  );
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** A `@db.Date` value: midnight UTC of the calendar day. */
export function dateOnly(day: Day): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

export function ymd(year: number, month: number, day: number): Day {
  return { year, month, day };
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * 86_400_000);
}
