import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";

export interface InvitationProps {
  locale: Locale;
  name: string;
  inviter: string;
  role: "JUROR" | "MANAGER" | "ADMIN" | "STATE_COORDINATOR" | "APPLICANT";
  expires: string;
  url: string;
}

export function invitationSubject(locale: Locale): string {
  return translator(locale)("email.invite.subject");
}

export default function Invitation({ locale, name, inviter, role, expires, url }: InvitationProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={t("email.invite.subject")} heading={t("email.invite.subject")} action={{ label: t("email.invite.button"), url }}>
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t("email.invite.body", { inviter, role: t(`role.${role}`), expires })}</Text>
    </EmailLayout>
  );
}

Invitation.PreviewProps = {
  locale: "de",
  name: "Jonas Juror",
  inviter: "Maria Programmleitung",
  role: "JUROR",
  expires: "29. November 2026, 12:00",
  url: "http://localhost:3000/invitation/example-token",
} satisfies InvitationProps;
