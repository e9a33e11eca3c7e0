import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";

/**
 * The mail to an eligible application's coordinators when the eligibility results are released.
 * A not eligible one gets the call's NOT_ELIGIBLE outcome notice instead (emails/outcome.tsx).
 */
export interface EligibilityResultProps {
  locale: Locale;
  name: string;
  network: string;
  call: string;
  url: string;
}

export function eligibilityResultSubject(locale: Locale, call: string): string {
  return translator(locale)("eligibility.email.subject", { call });
}

export default function EligibilityResult({ locale, name, network, call, url }: EligibilityResultProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={eligibilityResultSubject(locale, call)} heading={t("eligibility.email.headingEligible")} action={{ label: t("eligibility.email.button"), url }}>
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t("eligibility.email.eligible", { network, call })}</Text>
    </EmailLayout>
  );
}

EligibilityResult.PreviewProps = {
  locale: "de",
  name: "Clara Koordinatorin",
  network: "MINT-Region Freiburg",
  call: "MINT-Cluster, Runde 4",
  url: "http://localhost:3000/applications/example",
} satisfies EligibilityResultProps;
