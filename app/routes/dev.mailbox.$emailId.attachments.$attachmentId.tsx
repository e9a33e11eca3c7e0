import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMailboxAttachment } from "~/server/mail/mailbox.server";
import { attachmentDisposition } from "~/server/content-disposition.server";

/** The bytes of one attachment of a mail in the development mailbox, always as a download. */
export async function loader({ params }: LoaderFunctionArgs) {
  const attachment = await getMailboxAttachment(params.emailId ?? "", params.attachmentId ?? "");
  return new Response(attachment.content, {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.content.byteLength),
      "Content-Disposition": attachmentDisposition(attachment.filename),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
