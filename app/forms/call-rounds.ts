import { berlinWallClockToUtc, utcToBerlinWallClock } from "./berlin-time";
import type { FormDefinition } from "./form-definition";

/**
 * The next round of a call happens a fixed span later: every date moves by whole calendar months
 * and days in Berlin wall-clock terms, so a deadline at 12:00 on 15 March stays at 12:00 whether
 * summer time has begun or not, and a call copied a year on keeps its weekdays' dates, not a
 * 365-day drift across a leap year.
 */
export interface CalendarSpan {
  months: number;
  days: number;
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

export function parseCalendarDay(text: string): CalendarDay {
  const [year, month, day] = text.split("-").map(Number);
  return { year: year!, month: month!, day: day! };
}

export function formatCalendarDay({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole months later, on the same day of the month or the month's last day (31 January + 1 month = 28/29 February). */
function addMonths(from: CalendarDay, months: number): CalendarDay {
  const index = from.year * 12 + (from.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(from.day, daysInMonth(year, month)) };
}

function addDays(from: CalendarDay, days: number): CalendarDay {
  const moved = new Date(Date.UTC(from.year, from.month - 1, from.day) + days * DAY_MS);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function dayNumber(day: CalendarDay): number {
  return Date.UTC(day.year, day.month - 1, day.day) / DAY_MS;
}

/** Calendar days from one instant's Berlin day to another's: 0 on the same day, 1 on the next. */
export function berlinDaysBetween(from: Date, to: Date): number {
  const berlinDay = (instant: Date) => dayNumber(parseCalendarDay(utcToBerlinWallClock(instant).date));
  return berlinDay(to) - berlinDay(from);
}

export function shiftDay(day: CalendarDay, span: CalendarSpan): CalendarDay {
  return addDays(addMonths(day, span.months), span.days);
}

/** The span from one day to a later one: as many whole months as fit, then days. */
export function calendarSpanBetween(from: CalendarDay, to: CalendarDay): CalendarSpan {
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (months > 0 && dayNumber(addMonths(from, months)) > dayNumber(to)) months -= 1;
  if (months < 0) months = 0;
  return { months, days: dayNumber(to) - dayNumber(addMonths(from, months)) };
}

export function isForward(span: CalendarSpan): boolean {
  return span.months > 0 || span.days > 0;
}

/**
 * An instant moved by the span on the Berlin wall clock. A wall-clock time that does not exist on
 * the new day (02:30 on the day summer time begins) becomes the same time an hour later, the first
 * moment that exists after it.
 */
export function shiftBerlinInstant(instant: Date, span: CalendarSpan): Date {
  const { date, time } = utcToBerlinWallClock(instant);
  const day = formatCalendarDay(shiftDay(parseCalendarDay(date), span));
  const converted = berlinWallClockToUtc(day, time);
  if (converted.ok) return converted.instant;
  const [hours, minutes] = time.split(":").map(Number);
  const later = berlinWallClockToUtc(day, `${String(hours! + 1).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`);
  if (!later.ok) throw new Error(`No Berlin time for ${day} ${time}`);
  return later.instant;
}

/** A calendar date kept as midnight UTC (a `@db.Date` column) moved by the span. */
export function shiftStoredDay(value: Date, span: CalendarSpan): Date {
  const moved = shiftDay({ year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() }, span);
  return new Date(Date.UTC(moved.year, moved.month - 1, moved.day));
}

/**
 * How many years the budget tables move with the round. Budgets are planned for the funding period,
 * so its first year decides; a call without one moves by the years its first opening moves.
 */
export function budgetYearShift(call: { fundingStartsOn: Date | null; firstOpensAt: Date | null }, span: CalendarSpan): number {
  if (call.fundingStartsOn) return shiftStoredDay(call.fundingStartsOn, span).getUTCFullYear() - call.fundingStartsOn.getUTCFullYear();
  if (!call.firstOpensAt) return 0;
  const berlinYear = (instant: Date) => Number(utcToBerlinWallClock(instant).date.slice(0, 4));
  return berlinYear(shiftBerlinInstant(call.firstOpensAt, span)) - berlinYear(call.firstOpensAt);
}

/** The form with the years of every budget table moved, so a 2018 call copied for 2019 asks for 2019 onwards. */
export function shiftBudgetYears(definition: FormDefinition, years: number): FormDefinition {
  if (years === 0) return definition;
  return {
    ...definition,
    sections: definition.sections.map((section) => ({
      ...section,
      fields: section.fields.map((field) => (field.type === "budget" ? { ...field, years: field.years.map((year) => year + years) } : field)),
    })),
  };
}

/**
 * The title proposed for the next round: the round number after "Runde"/"Round" and four-digit
 * years move on with it ("Förderrunde 4 (2026)" → "Förderrunde 5 (2027)"). Only a proposal; the
 * manager edits it in the form.
 */
export function nextRoundTitle(title: string, change: { fromRound: number; toRound: number; years: number }): string {
  return title
    .replace(/(runde|round)(\s+)(\d+)/gi, (whole, word: string, space: string, number: string) =>
      Number(number) === change.fromRound ? `${word}${space}${change.toRound}` : whole
    )
    .replace(/\b(20\d{2})\b/g, (year) => String(Number(year) + change.years));
}
