import { translator, type Locale } from "~/i18n";
import { sortByGermanName } from "~/i18n/collation";
import type { bundeslaender } from "./account-schemas";

export type Bundesland = (typeof bundeslaender)[number];

/**
 * A call may be open only to networks from some Länder (the zdi seal is for NRW networks); an empty
 * list means networks from everywhere. The public page says so, the applicant's start page offers
 * the call only to networks it is open to, and the server refuses to start any other application.
 */
export function isOpenToLand(openTo: readonly Bundesland[], land: Bundesland): boolean {
  return openTo.length === 0 || openTo.includes(land);
}

const listFormats = new Map<Locale, Intl.ListFormat>();

/** The Länder by name in the reader's language, alphabetically, joined as a sentence ("Bayern und Hessen"). */
export function laenderText(locale: Locale, laender: readonly Bundesland[]): string {
  const t = translator(locale);
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale === "de" ? "de-DE" : "en-GB", { type: "conjunction" });
    listFormats.set(locale, format);
  }
  return format.format(
    sortByGermanName(
      laender.map((code) => t(`bundesland.${code}`)),
      (name) => name
    )
  );
}
