import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";

export interface CollaboratorInvitationProps {
  locale: Locale;
  name: string;
  inviter: string;
  network: string;
  expires: string;
  url: string;
}

export function collaboratorInvitationSubject(locale: Locale, network: string): string {
  return translator(locale)("email.collaborator.subject", { network });
}

export default function CollaboratorInvitation({ locale, name, inviter, network, expires, url }: CollaboratorInvitationProps) {
  const t = translator(locale);
  return (
    <EmailLayout
      locale={locale}
      preview={collaboratorInvitationSubject(locale, network)}
      heading={collaboratorInvitationSubject(locale, network)}
      action={{ label: t("email.invite.button"), url }}
    >
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t("email.collaborator.body", { inviter, network, expires })}</Text>
    </EmailLayout>
  );
}

CollaboratorInvitation.PreviewProps = {
  locale: "de",
  name: "Paul Partner",
  inviter: "Clara Koordinatorin",
  network: "MINT-Region Freiburg",
  expires: "29. November 2026, 12:00",
  url: "http://localhost:3000/invitation/example-token",
} satisfies CollaboratorInvitationProps;
