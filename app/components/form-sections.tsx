import type { ReactNode } from "react";
import type { FormDefinition, FormSection } from "~/forms/form-definition";
import { useLocale, useT } from "./use-t";

/**
 * A stage form laid out for reading: the eligibility questions (when there are any) and each section,
 * every part a section headed with its title. What a part holds (answers, a preview of the inputs,
 * a description), the caller renders. `idPrefix` keeps the heading ids unique on the page.
 */
export function FormSections(props: {
  definition: FormDefinition;
  idPrefix: string;
  headingLevel: 2 | 3;
  eligibility: ReactNode;
  section: (section: FormSection) => ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const Heading = props.headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      {props.definition.eligibility.length > 0 ? (
        <section aria-labelledby={`${props.idPrefix}-eligibility`}>
          <Heading id={`${props.idPrefix}-eligibility`}>{t("applications.eligibility.title")}</Heading>
          {props.eligibility}
        </section>
      ) : null}
      {props.definition.sections.map((section) => (
        <section key={section.key} aria-labelledby={`${props.idPrefix}-${section.key}`}>
          <Heading id={`${props.idPrefix}-${section.key}`}>{locale === "en" ? section.titleEn : section.titleDe}</Heading>
          {props.section(section)}
        </section>
      ))}
    </>
  );
}
