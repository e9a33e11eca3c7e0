import type { BulkDecisionInput } from "~/forms/decision-schemas";
import type { Locale } from "~/i18n";
import { prisma } from "../db.server";
import { notFound } from "../http.server";
import { managedApplications } from "../applications/access.server";
import { managedStage } from "../review/stage-scope.server";
import { eachSelected, type EligibilityReport } from "../review/eligibility.server";
import type { CurrentUser } from "../accounts/session.server";
import { awardTerms, checkBudget, decideApplication, moneyCallOf, moneyCallSelect } from "./decide-application.server";

/**
 * One decision for a selection of a stage's applications (the decisions board's bulk form): the
 * amount's limits and the whole batch's effect on the budget are checked first, so a batch above
 * the budget needs its one confirmation; then each application is decided in its own transaction,
 * and the ones refused (changed meanwhile, not decidable, budget gone by another manager's award)
 * are named with the reason while the others go through.
 */
export async function decideSelection(
  actor: Pick<CurrentUser, "id" | "role">,
  ref: { callId: string; stageId: string },
  input: BulkDecisionInput,
  options: { locale: Locale; now?: Date },
): Promise<EligibilityReport> {
  const now = options.now ?? new Date();
  const stage = await prisma.callStage.findFirst({ where: managedStage(actor, ref.callId, ref.stageId), select: { id: true, call: { select: moneyCallSelect } } });
  if (!stage) throw notFound();
  const inStage = { callId: ref.callId, stageId: stage.id };
  if (input.outcome === "award") {
    const call = moneyCallOf(stage.call);
    const terms = awardTerms(call, { ...input, amountCents: input.amount }, options.locale);
    if (terms.amountCents !== null) {
      const ids = input.selected.map((entry) => entry.applicationId);
      await checkBudget(prisma, call, { applicationIds: ids, newCents: ids.map(() => terms.amountCents!), confirmed: input.overBudgetConfirmed }, options.locale);
    }
  }
  return eachSelected({ AND: [inStage, managedApplications(actor)] }, input.selected, ({ applicationId, version }) =>
    decideApplication(actor, { ...input, applicationId, version, amountCents: input.amount, sharedReviewIds: [] }, { locale: options.locale, now, where: inStage }),
  );
}
