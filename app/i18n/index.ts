import { de, type MessageKey } from "./de";
import { en } from "./en";

export type Locale = "de" | "en";
export type { MessageKey };
export const locales: readonly Locale[] = ["de", "en"];
export const defaultLocale: Locale = "de";

const catalogues: Record<Locale, Record<MessageKey, string>> = { de, en };

export function isLocale(value: unknown): value is Locale {
  return value === "de" || value === "en";
}

export function isMessageKey(value: string): value is MessageKey {
  return value in de;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

// A count inside a message picks its words by the language's plural rules:
// "{count, plural, one {# Antrag} other {# Anträge}}" ("#" is the number, formatted for the language).
const pluralPattern = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other) \{[^{}]*\})+)\s*\}/g;
const pluralBranch = /(=\d+|zero|one|two|few|many|other) \{([^{}]*)\}/g;

function choosePlural(locale: Locale, branches: string, value: number): string {
  const options = new Map<string, string>();
  for (const [, selector, text] of branches.matchAll(pluralBranch)) options.set(selector!, text!);
  const chosen = options.get(`=${value}`) ?? options.get(pluralRules(locale).select(value)) ?? options.get("other") ?? "";
  return chosen.replace(/#/g, integerFormat(locale).format(value));
}

export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const message = catalogue[key];
    if (!params) return message;
    return message
      .replace(pluralPattern, (whole, name: string, branches: string) => {
        const value = Number(params[name]);
        return params[name] === undefined || !Number.isFinite(value) ? whole : choosePlural(locale, branches, value);
      })
      .replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
  };
}

const intlLocale: Record<Locale, string> = { de: "de-DE", en: "en-GB" };

// Building an Intl formatter costs about a millisecond; pages format dozens of values, so each
// formatter is built once per language.
function formatterCache<T>(build: (locale: string) => T): (locale: Locale) => T {
  const cache = new Map<Locale, T>();
  return (locale) => {
    let formatter = cache.get(locale);
    if (!formatter) {
      formatter = build(intlLocale[locale]);
      cache.set(locale, formatter);
    }
    return formatter;
  };
}

const pluralRules = formatterCache((locale) => new Intl.PluralRules(locale));
const integerFormat = formatterCache((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));

const dateTimeFormat = formatterCache(
  (locale) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Berlin" }),
);
const dateFormat = formatterCache((locale) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Berlin" }));
const euroFormat = formatterCache(
  (locale) => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
);

/** Times are shown in Europe/Berlin whatever the server's or browser's zone. */
export function formatDateTime(locale: Locale, instant: Date | string): string {
  return dateTimeFormat(locale).format(new Date(instant));
}

export function formatDate(locale: Locale, instant: Date | string): string {
  return dateFormat(locale).format(new Date(instant));
}

const timeFormat = formatterCache((locale) => new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" }));

/** The time of day in Berlin ("14:03"). */
export function formatTime(locale: Locale, instant: Date | string): string {
  return timeFormat(locale).format(new Date(instant));
}

const numberFormat = formatterCache((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }));

/** A number as the language writes it ("1.250,5" in German). */
export function formatNumber(locale: Locale, value: number): string {
  return numberFormat(locale).format(value);
}

const centFormat = formatterCache((locale) => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", minimumFractionDigits: 2 }));

/** Whole euros; an amount with cents shows them to the cent, so that budget sums add up exactly. */
export function formatEuros(locale: Locale, cents: number | bigint | string): string {
  const value = Number(cents);
  return (value % 100 === 0 ? euroFormat : centFormat)(locale).format(value / 100);
}

const MEBIBYTE = 1024 * 1024;
const kilobyteFormat = formatterCache((locale) => new Intl.NumberFormat(locale, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 }));
const megabyteFormat = formatterCache((locale) => new Intl.NumberFormat(locale, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }));

/** A file's size in binary units, as upload limits are given ("1,2 MB", at least "1 kB"). */
export function formatFileSize(locale: Locale, bytes: number): string {
  return bytes >= MEBIBYTE
    ? megabyteFormat(locale).format(bytes / MEBIBYTE)
    : kilobyteFormat(locale).format(Math.max(1, Math.round(bytes / 1024)));
}
