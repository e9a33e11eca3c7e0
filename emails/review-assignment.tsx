import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";

export interface ReviewAssignmentProps {
  locale: Locale;
  name: string;
  /** The call's title. */
  call: string;
  /** The newly released applications; `network` only when the call is not blind. */
  applications: { title: string; land: string; network?: string }[];
  /** Already formatted in Europe/Berlin for the recipient's language. */
  deadline: string;
  url: string;
}

export function reviewAssignmentSubject(locale: Locale, call: string): string {
  return translator(locale)("email.reviewAssignment.subject", { call });
}

/** Sent once per juror when the manager releases assignments: the list and the deadline. */
export default function ReviewAssignment({ locale, name, call, applications, deadline, url }: ReviewAssignmentProps) {
  const t = translator(locale);
  return (
    <EmailLayout
      locale={locale}
      preview={reviewAssignmentSubject(locale, call)}
      heading={reviewAssignmentSubject(locale, call)}
      action={{ label: t("email.reviewAssignment.button"), url }}
    >
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t("email.reviewAssignment.body", { call, count: applications.length })}</Text>
      <ul>
        {applications.map((application, index) => (
          <li key={index}>
            {application.network === undefined
              ? t("email.reviewAssignment.item", {
                  title: application.title,
                  land: application.land,
                })
              : t("email.reviewAssignment.itemWithNetwork", {
                  title: application.title,
                  land: application.land,
                  network: application.network,
                })}
          </li>
        ))}
      </ul>
      <Text>{t("email.reviewAssignment.deadline", { deadline })}</Text>
      <Text>{t("email.reviewAssignment.conflicts")}</Text>
    </EmailLayout>
  );
}

ReviewAssignment.PreviewProps = {
  locale: "de",
  name: "Jonas Juror",
  call: "MINT-Cluster 2027",
  applications: [
    {
      title: "Forschen im Schülerlabor",
      land: "Baden-Württemberg",
      network: "MINT-Region Hochschwarzwald",
    },
    { title: "Mädchen programmieren", land: "Sachsen" },
  ],
  deadline: "15. März 2027 um 18:00",
  url: "http://localhost:3000/juror",
} satisfies ReviewAssignmentProps;
