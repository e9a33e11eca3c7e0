import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { requireUser } from "~/server/accounts/session.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { downloadHeaders } from "~/server/web/downloads.server";
import { notFound } from "~/server/http.server";
import { deleteApplicationFile, openApplicationFile } from "~/server/files/application-files.server";
import { fileActionReply } from "~/server/files/file-replies.server";
import { MissingFileError } from "~/server/files/storage.server";
import { jurorFileName } from "~/server/review/reviews.server";
import { requestLocale } from "~/server/web/locale.server";

/**
 * Streams a file of an application the person may read, always as a download in the type its content
 * showed. A juror gets it under the name their view of the application gives it (in blind review the
 * field's label, never the name it was uploaded under).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const jurorsName = user.role === "JUROR" ? await jurorFileName(user, params.fileId!, await requestLocale(request, user)) : null;
  let file;
  try {
    file = await openApplicationFile(params.fileId!, user);
  } catch (error) {
    if (error instanceof MissingFileError) {
      console.error(`Stored file ${params.fileId} has no content in its storage`);
      throw notFound();
    }
    throw error;
  }
  const headers = downloadHeaders({ name: jurorsName ?? file.originalName, contentType: file.contentType, sizeBytes: file.sizeBytes });
  if (request.method === "HEAD") {
    file.stream.destroy();
    return new Response(null, { headers });
  }
  return new Response(createReadableStreamFromReadable(file.stream), { headers });
}

/** Deletes the file (DELETE, or POST with intent=delete) from a draft of the person's network. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readProtectedForm(request);
  if (request.method !== "DELETE" && formData.get("intent") !== "delete") throw new Response("Bad Request", { status: 400 });
  const outcome = await deleteApplicationFile({ fileId: params.fileId!, user, now: new Date() });
  const respond = formData.get("respond");
  return fileActionReply({
    request,
    respond: typeof respond === "string" ? respond : undefined,
    applicationId: outcome.applicationId,
    fieldKey: outcome.fieldKey,
    success: "files.deleted",
    refusal: outcome.refusal,
    locale: user.locale,
  });
}
