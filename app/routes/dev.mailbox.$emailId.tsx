import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getMailboxEmail, requireMailboxReader } from "~/server/mail/mailbox.server";
import { requestLocale } from "~/server/web/locale.server";
import { defaultLocale, formatDateTime, formatFileSize, isLocale, translator } from "~/i18n";
import { useT } from "~/components/use-t";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireMailboxReader(request, context);
  const [email, locale] = await Promise.all([getMailboxEmail(params.emailId ?? ""), requestLocale(request)]);
  return {
    ...email,
    createdAt: email.createdAt.toISOString(),
    time: formatDateTime(locale, email.createdAt),
    sentAt: email.sentAt?.toISOString() ?? null,
    sentTime: email.sentAt ? formatDateTime(locale, email.sentAt) : null,
    attachments: email.attachments.map((attachment) => ({
      ...attachment,
      size: attachment.sizeBytes === null ? translator(locale)("mailbox.attachmentNotRendered") : formatFileSize(locale, attachment.sizeBytes),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const title = translator(isLocale(root?.locale) ? root.locale : defaultLocale)("mailbox.title");
  return [{ title: data ? `${data.subject} – ${title}` : title }];
};

export default function MailboxEmail() {
  const email = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mailbox">
      <p>
        <Link to="/dev/mailbox">{t("mailbox.back")}</Link>
      </p>
      <h1>{email.subject}</h1>
      <section aria-labelledby="mail-headers">
        <h2 id="mail-headers">{t("mailbox.headers")}</h2>
        <dl>
          <dt>{t("mailbox.to")}</dt>
          <dd>{email.toEmail}</dd>
          <dt>{t("mailbox.subject")}</dt>
          <dd>{email.subject}</dd>
          <dt>{t("mailbox.sentAt")}</dt>
          <dd>
            <time dateTime={email.createdAt}>{email.time}</time>
          </dd>
          <dt>{t("mailbox.status")}</dt>
          <dd>{t(`mailbox.status.${email.status}`)}</dd>
          {email.sentAt && email.sentTime ? (
            <>
              <dt>{t("mailbox.deliveredAt")}</dt>
              <dd>
                <time dateTime={email.sentAt}>{email.sentTime}</time>
              </dd>
            </>
          ) : null}
          <dt>{t("mailbox.template")}</dt>
          <dd>{email.template}</dd>
          <dt>{t("mailbox.locale")}</dt>
          <dd lang={email.locale}>{email.locale}</dd>
          <dt>{t("mailbox.attempts")}</dt>
          <dd>{email.attempts}</dd>
          {email.lastError ? (
            <>
              <dt>{t("mailbox.lastError")}</dt>
              <dd>{email.lastError}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="mail-links">
        <h2 id="mail-links">{t("mailbox.links")}</h2>
        {email.links.length === 0 ? (
          <p>{t("mailbox.noLinks")}</p>
        ) : (
          <ul>
            {email.links.map((link) => (
              <li key={link.href}>
                <a href={link.href}>{link.text}</a>
                {link.text !== link.href ? <> ({link.href})</> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mail-attachments">
        <h2 id="mail-attachments">{t("mailbox.attachments")}</h2>
        {email.attachments.length === 0 ? (
          <p>{t("mailbox.noAttachments")}</p>
        ) : (
          <ul>
            {email.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={`/dev/mailbox/${encodeURIComponent(email.id)}/attachments/${encodeURIComponent(attachment.id)}`} download={attachment.filename}>
                  {attachment.filename}
                </a>{" "}
                ({attachment.contentType}, {attachment.size})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mail-html">
        <h2 id="mail-html">{t("mailbox.html")}</h2>
        <iframe
          sandbox=""
          srcDoc={email.html}
          title={t("mailbox.htmlFrame", { subject: email.subject })}
          width="100%"
          height="600"
        />
      </section>
      <section aria-labelledby="mail-text">
        <h2 id="mail-text">{t("mailbox.text")}</h2>
        <pre lang={email.locale}>{email.text}</pre>
      </section>
    </div>
  );
}
