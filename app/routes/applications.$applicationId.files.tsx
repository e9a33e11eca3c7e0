import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/server/accounts/session.server";
import { receiveUploads } from "~/server/files/uploads.server";
import { fileActionReply } from "~/server/files/file-replies.server";

/** Uploads for one field of an application (multipart, streamed); the form lives on the application page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const applicationId = params.applicationId!;
  const result = await receiveUploads({ request, applicationId, user, now: new Date() });
  return fileActionReply({
    request,
    respond: result.fields.respond,
    applicationId,
    fieldKey: result.fieldKey,
    success: "files.uploaded",
    refusal: result.refusal,
    files: result.stored.map((file) => ({ id: file.id, originalName: file.originalName, sizeBytes: file.sizeBytes })),
    locale: user.locale,
  });
}

/** Nothing to show here by itself: the files are part of the application page. */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/applications/${encodeURIComponent(params.applicationId!)}`);
}
