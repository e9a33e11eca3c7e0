import { useLoaderData } from "@remix-run/react";
import type { Locale, MessageKey } from "~/i18n";
import { MarkdownText } from "./markdown-text";
import { useLocale, useT } from "./use-t";

export interface LegalPageData {
  slug: "impressum" | "datenschutz" | "barrierefreiheit";
  source: string;
  locale: Locale;
  placeholder: boolean;
}

export function legalPageTitle(slug: LegalPageData["slug"]): MessageKey {
  return `legal.${slug}.title`;
}

/** Impressum, privacy policy and accessibility statement: the operator's text under the page's title. */
export function LegalPage() {
  const t = useT();
  const locale = useLocale();
  const { slug, source, locale: textLocale, placeholder } = useLoaderData<LegalPageData>();
  return (
    <article className="legal-text" aria-labelledby="legal-title">
      <h1 id="legal-title">{t(legalPageTitle(slug))}</h1>
      {textLocale !== locale ? <p className="kern-hint">{t("legal.otherLanguage")}</p> : null}
      <div lang={textLocale !== locale ? textLocale : undefined} data-placeholder={placeholder || undefined}>
        <MarkdownText source={source} />
      </div>
    </article>
  );
}
