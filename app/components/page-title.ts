import { translator, type Locale, type MessageKey } from "~/i18n";

type Matches = { id: string; data: unknown }[];

/** `<title>` for a page: its heading and the portal's name, in the page's language. */
export function pageTitle(matches: Matches, key: MessageKey, params?: Record<string, string | number>) {
  const locale = (matches.find((match) => match.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "de";
  const t = translator(locale);
  return [{ title: `${t(key, params)} · ${t("app.name")}` }];
}

export function titleText(matches: Matches, text: string) {
  const locale = (matches.find((match) => match.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "de";
  return [{ title: `${text} · ${translator(locale)("app.name")}` }];
}
