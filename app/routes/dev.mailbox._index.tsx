import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listMailboxEmails, requireMailboxReader } from "~/server/mail/mailbox.server";
import { requestLocale } from "~/server/web/locale.server";
import { defaultLocale, formatDateTime, isLocale, translator } from "~/i18n";
import { useT } from "~/components/use-t";
import { TableScroll } from "~/components/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireMailboxReader(request, context);
  const recipient = new URL(request.url).searchParams.get("to")?.trim() ?? "";
  const [emails, locale] = await Promise.all([listMailboxEmails({ recipient }), requestLocale(request)]);
  return {
    recipient,
    emails: emails.map((email) => ({
      id: email.id,
      toEmail: email.toEmail,
      subject: email.subject,
      status: email.status,
      createdAt: email.createdAt.toISOString(),
      time: formatDateTime(locale, email.createdAt),
    })),
  };
}

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return [{ title: translator(isLocale(root?.locale) ? root.locale : defaultLocale)("mailbox.title") }];
};

export default function MailboxIndex() {
  const { recipient, emails } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mailbox">
      <h1>{t("mailbox.title")}</h1>
      <p>{t("mailbox.intro")}</p>
      <Form method="get" role="search">
        <label htmlFor="mailbox-recipient">{t("mailbox.filter")}</label>{" "}
        <input id="mailbox-recipient" name="to" type="search" defaultValue={recipient} autoComplete="off" />{" "}
        <button type="submit" className="kern-btn kern-btn--secondary">{t("mailbox.apply")}</button>
        {recipient ? (
          <>
            {" "}
            <Link to=".">{t("mailbox.showAll")}</Link>
          </>
        ) : null}
      </Form>
      {emails.length === 0 ? (
        <p>{t("mailbox.empty")}</p>
      ) : (
        <TableScroll label={recipient ? t("mailbox.filteredCaption", { recipient }) : t("mailbox.caption")}>
        <table>
          <caption>{recipient ? t("mailbox.filteredCaption", { recipient }) : t("mailbox.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("mailbox.to")}</th>
              <th scope="col">{t("mailbox.subject")}</th>
              <th scope="col">{t("mailbox.sentAt")}</th>
              <th scope="col">{t("mailbox.status")}</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((email) => (
              <tr key={email.id}>
                <td>{email.toEmail}</td>
                <th scope="row">
                  <Link to={`/dev/mailbox/${email.id}`}>{email.subject}</Link>
                </th>
                <td>
                  <time dateTime={email.createdAt}>{email.time}</time>
                </td>
                <td>{t(`mailbox.status.${email.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </div>
  );
}
