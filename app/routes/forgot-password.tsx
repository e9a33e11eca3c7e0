import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { requestPasswordReset } from "~/server/accounts/accounts.server";
import { emailRequestAction } from "~/server/web/form-replies.server";
import { EmailRequestPage } from "~/components/email-request-page";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reset.request.title");

export async function action({ request, context }: ActionFunctionArgs) {
  return emailRequestAction(request, context, requestPasswordReset);
}

export default function ForgotPassword() {
  return <EmailRequestPage title="reset.request.title" intro="reset.request.intro" sent="reset.request.sent" submit="reset.request.submit" />;
}
