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

export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const message = catalogue[key];
    return params ? message.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : message;
  };
}

/** Times are shown in Europe/Berlin whatever the server's or browser's zone. */
export function formatDateTime(locale: Locale, instant: Date | string): string {
  return new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Berlin",
  }).format(new Date(instant));
}

export function formatDate(locale: Locale, instant: Date | string): string {
  return new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { dateStyle: "long", timeZone: "Europe/Berlin" }).format(
    new Date(instant),
  );
}

export function formatEuros(locale: Locale, cents: number | bigint | string): string {
  return new Intl.NumberFormat(locale === "de" ? "de-DE" : "en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(
    Number(cents) / 100,
  );
}
