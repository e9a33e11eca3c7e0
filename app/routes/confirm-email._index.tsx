import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { resendConfirmation } from "~/server/accounts/accounts.server";
import { emailRequestAction } from "~/server/web/form-replies.server";
import { EmailRequestPage } from "~/components/email-request-page";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "confirm.resend");

export async function action({ request, context }: ActionFunctionArgs) {
  return emailRequestAction(request, context, resendConfirmation);
}

export default function ResendConfirmation() {
  return <EmailRequestPage title="confirm.resend" sent="confirm.resent" submit="reset.request.submit" />;
}
