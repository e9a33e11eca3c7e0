import { Section, Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import type { OutcomeBlock } from "../app/forms/outcome-mails";
import { EmailLayout } from "./layout";

export interface OutcomeProps {
  locale: Locale;
  /** The call's template with its placeholders filled (app/server/outcomes): the subject doubles as the heading. */
  subject: string;
  blocks: OutcomeBlock[];
  action: { label: string; url: string };
}

/** Every outcome notice: the manager's text as paragraphs, the shared jury comments set apart, one button. */
export default function Outcome({ locale, subject, blocks, action }: OutcomeProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={subject} heading={subject} action={action}>
      {blocks.map((block, index) =>
        block.kind === "text" ? (
          <Text key={index}>
            {block.lines.map((line, lineIndex) => (
              <span key={lineIndex}>
                {lineIndex > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </Text>
        ) : (
          <Section key={index} style={{ borderLeft: "4px solid #0b5394", paddingLeft: "16px", margin: "16px 0" }}>
            <Text style={{ fontWeight: 700, margin: "0 0 8px" }}>{t("outcomes.mail.juryComments")}</Text>
            {block.comments.map((comment) => (
              <Text key={comment.label} style={{ margin: "0 0 12px" }}>
                <strong>{comment.label}:</strong> {comment.text}
              </Text>
            ))}
          </Section>
        ),
      )}
    </EmailLayout>
  );
}

Outcome.PreviewProps = {
  locale: "de",
  subject: "Förderzusage: MINT-Cluster, Runde 4",
  blocks: [
    { kind: "text", lines: ["Guten Tag Clara Koordinatorin,"] },
    { kind: "text", lines: ["wir freuen uns sehr, Ihnen mitteilen zu können, dass der Antrag des Netzwerks MINT-Region Freiburg ausgewählt wurde. Sie erhalten eine Förderung von 500.000 €."] },
    { kind: "juryComments", comments: [{ label: "Jury A", text: "Überzeugendes Konzept für die Sekundarstufe." }, { label: "Jury B", text: "Die Partnerschaften mit Unternehmen sind stark." }] },
    { kind: "text", lines: ["Mit freundlichen Grüßen", "Ihre Programmleitung"] },
  ],
  action: { label: "Förderung im Portal annehmen", url: "http://localhost:3000/applications/example" },
} satisfies OutcomeProps;
