import type { ReactNode } from "react";
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";

/** The frame every portal mail shares: heading, one call to action with its link spelled out, footer. */
export function EmailLayout(props: {
  locale: Locale;
  preview: string;
  heading: string;
  children: ReactNode;
  action?: { label: string; url: string };
}) {
  const t = translator(props.locale);
  return (
    <Html lang={props.locale}>
      <Head>
        <title>{props.heading}</title>
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f5f7", fontFamily: "Helvetica, Arial, sans-serif", color: "#1b1f24" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "32px", maxWidth: "560px" }}>
          <Text style={{ fontSize: "14px", color: "#0b5394", fontWeight: 700, margin: 0 }}>{t("app.name")}</Text>
          <Heading as="h1" style={{ fontSize: "22px" }}>
            {props.heading}
          </Heading>
          {props.children}
          {props.action ? (
            <Section style={{ margin: "24px 0" }}>
              <Button
                href={props.action.url}
                style={{ backgroundColor: "#0b5394", color: "#ffffff", padding: "12px 20px", borderRadius: "4px" }}
              >
                {props.action.label}
              </Button>
              <Text style={{ fontSize: "13px" }}>
                {t("email.linkFallback")}
                <br />
                <Link href={props.action.url} style={{ color: "#0b5394", textDecoration: "underline" }}>
                  {props.action.url}
                </Link>
              </Text>
            </Section>
          ) : null}
          <Hr />
          <Text style={{ fontSize: "12px", color: "#555b63" }}>{t("email.footer")}</Text>
        </Container>
      </Body>
    </Html>
  );
}
