import { Section, Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";

export interface InvitationToFullProposalProps {
  locale: Locale;
  name: string;
  network: string;
  call: string;
  /** The full proposal's deadline, already formatted in Europe/Berlin for the reader's language. */
  deadline: string;
  /** Conditions the manager attached; the network answers each in its full proposal. */
  conditions: string[];
  url: string;
}

export function invitationToFullProposalSubject(locale: Locale, call: string): string {
  return translator(locale)("email.fullProposal.subject", { call });
}

export default function InvitationToFullProposal({ locale, name, network, call, deadline, conditions, url }: InvitationToFullProposalProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={invitationToFullProposalSubject(locale, call)} heading={t("email.fullProposal.heading")} action={{ label: t("email.fullProposal.button"), url }}>
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t("email.fullProposal.body", { network, call })}</Text>
      <Text>
        <strong>{t("email.fullProposal.deadline", { deadline })}</strong>
      </Text>
      <Text>{t("email.fullProposal.prefilled")}</Text>
      {conditions.length > 0 ? (
        <Section>
          <Text>{t("email.fullProposal.conditions")}</Text>
          {conditions.map((condition, index) => (
            <Text key={index} style={{ margin: "4px 0 4px 16px" }}>
              {index + 1}. {condition}
            </Text>
          ))}
        </Section>
      ) : null}
    </EmailLayout>
  );
}

InvitationToFullProposal.PreviewProps = {
  locale: "de",
  name: "Clara Koordinatorin",
  network: "MINT-Region Freiburg",
  call: "MINT-Cluster, Runde 4",
  deadline: "15. Januar 2027 um 12:00",
  conditions: ["Bitte konkretisieren Sie den Finanzplan für 2028.", "Bitte benennen Sie die beteiligten Schulen."],
  url: "http://localhost:3000/applications/example",
} satisfies InvitationToFullProposalProps;
