import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";

export interface ReviewAbstainedProps {
  locale: Locale;
  /** The manager the mail goes to. */
  name: string;
  juror: string;
  network: string;
  /** The application's title; may be empty. */
  title: string;
  call: string;
  stageKind: "SINGLE" | "OUTLINE" | "FULL_PROPOSAL";
  reason: string;
  /** When the juror abstained, already formatted in Europe/Berlin for the reader's language. */
  at: string;
  url: string;
}

export function reviewAbstainedSubject(locale: Locale, network: string): string {
  return translator(locale)("reviewJuror.email.subject", { network });
}

/** To every manager of the programme: a juror abstained, so the application needs another reviewer. */
export default function ReviewAbstained({ locale, name, juror, network, title, call, stageKind, reason, at, url }: ReviewAbstainedProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={reviewAbstainedSubject(locale, network)} heading={t("reviewJuror.email.heading")} action={{ label: t("reviewJuror.email.button"), url }}>
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t("reviewJuror.email.body", { juror, network, title: title || t(`stageKind.${stageKind}`), call, at })}</Text>
      <Text>
        <strong>{t("reviewJuror.email.reason")}</strong> {reason}
      </Text>
      <Text>{t("reviewJuror.email.next")}</Text>
    </EmailLayout>
  );
}

ReviewAbstained.PreviewProps = {
  locale: "de",
  name: "Maria Programmleitung",
  juror: "Jonas Juror",
  network: "MINT-Netzwerk Freiburg",
  title: "MINT für alle",
  call: "MINT-Cluster 2027",
  stageKind: "FULL_PROPOSAL",
  reason: "Ich berate das Netzwerk seit diesem Jahr.",
  at: "5. Dezember 2026, 10:00",
  url: "http://localhost:3000/manager/applications/example",
} satisfies ReviewAbstainedProps;
