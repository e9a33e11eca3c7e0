import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { programmeSchema } from "~/forms/admin-schemas";
import { requireRole } from "~/server/accounts/session.server";
import { createProgramme } from "~/server/programmes/programmes.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { invalid, refused } from "~/server/web/form-replies.server";
import { ProgrammeForm } from "~/components/admin/programme-form";
import { pageTitle } from "~/components/page-title";
import { useT } from "~/components/use-t";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.programme.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["ADMIN"]);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["ADMIN"]);
  const submission = parseWithZod(await readProtectedForm(request), { schema: programmeSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    const { id } = await createProgramme(user, submission.value);
    return redirect(`/admin/programmes/${id}?created=1`);
  } catch (error) {
    return refused(submission, error, user.locale);
  }
}

export default function NewProgramme() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h1>{t("admin.programme.newTitle")}</h1>
      <p className="lead">{t("admin.programme.newIntro")}</p>
      <ProgrammeForm lastResult={lastResult} submit="admin.programme.create" />
    </>
  );
}
