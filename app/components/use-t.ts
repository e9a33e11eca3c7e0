import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { defaultLocale, translator, type Locale, type Translate } from "~/i18n";

export interface RootData {
  locale: Locale;
}

export function useLocale(): Locale {
  return useRouteLoaderData<RootData>("root")?.locale ?? defaultLocale;
}

/** The translator for the page's language, chosen by the root loader. */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
