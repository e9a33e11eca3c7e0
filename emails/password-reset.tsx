import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";

export interface PasswordResetProps {
  locale: Locale;
  name: string;
  url: string;
}

export function passwordResetSubject(locale: Locale): string {
  return translator(locale)("email.reset.subject");
}

export default function PasswordReset({ locale, name, url }: PasswordResetProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={t("email.reset.subject")} heading={t("email.reset.subject")} action={{ label: t("email.reset.button"), url }}>
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t("email.reset.body")}</Text>
    </EmailLayout>
  );
}

PasswordReset.PreviewProps = {
  locale: "de",
  name: "Clara Koordinatorin",
  url: "http://localhost:3000/reset-password/example-token",
} satisfies PasswordResetProps;
