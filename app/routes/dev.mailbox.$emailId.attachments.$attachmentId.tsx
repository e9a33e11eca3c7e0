import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMailboxAttachment, requireMailboxReader } from "~/server/mail/mailbox.server";
import { downloadHeaders } from "~/server/web/downloads.server";

/** The bytes of one attachment of a mail in the development mailbox, always as a download. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireMailboxReader(request, context);
  const attachment = await getMailboxAttachment(params.emailId ?? "", params.attachmentId ?? "");
  return new Response(attachment.content, {
    headers: downloadHeaders({ name: attachment.filename, contentType: attachment.contentType, sizeBytes: attachment.content.byteLength }),
  });
}
