import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";

export interface ConfirmEmailProps {
  locale: Locale;
  name: string;
  network: string;
  url: string;
}

export function confirmEmailSubject(locale: Locale): string {
  return translator(locale)("email.confirm.subject");
}

export default function ConfirmEmail({ locale, name, network, url }: ConfirmEmailProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={t("email.confirm.subject")} heading={t("email.confirm.subject")} action={{ label: t("email.confirm.button"), url }}>
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t("email.confirm.body", { network })}</Text>
    </EmailLayout>
  );
}

ConfirmEmail.PreviewProps = {
  locale: "de",
  name: "Clara Koordinatorin",
  network: "MINT-Region Freiburg",
  url: "http://localhost:3000/confirm-email/example-token",
} satisfies ConfirmEmailProps;
