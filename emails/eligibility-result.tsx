import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";

export interface EligibilityResultProps {
  locale: Locale;
  name: string;
  network: string;
  call: string;
  /** Eligible applications go to the jury; the others end here, with the manager's reason. */
  eligible: boolean;
  reason: string | null;
  url: string;
}

export function eligibilityResultSubject(locale: Locale, call: string): string {
  return translator(locale)("eligibility.email.subject", { call });
}

export default function EligibilityResult({ locale, name, network, call, eligible, reason, url }: EligibilityResultProps) {
  const t = translator(locale);
  return (
    <EmailLayout
      locale={locale}
      preview={eligibilityResultSubject(locale, call)}
      heading={t(eligible ? "eligibility.email.headingEligible" : "eligibility.email.headingIneligible")}
      action={{ label: t("eligibility.email.button"), url }}
    >
      <Text>{t("email.confirm.greeting", { name })}</Text>
      {eligible ? (
        <Text>{t("eligibility.email.eligible", { network, call })}</Text>
      ) : (
        <>
          <Text>{t("eligibility.email.ineligible", { network, call })}</Text>
          <Text>
            <strong>{t("eligibility.email.reason")}</strong> {reason}
          </Text>
        </>
      )}
    </EmailLayout>
  );
}

EligibilityResult.PreviewProps = {
  locale: "de",
  name: "Clara Koordinatorin",
  network: "MINT-Region Freiburg",
  call: "MINT-Cluster, Runde 4",
  eligible: false,
  reason: "Der Kooperationsvertrag mit den Schulen fehlt.",
  url: "http://localhost:3000/applications/example",
} satisfies EligibilityResultProps;
