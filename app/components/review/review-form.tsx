import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import {
  COMMENT_MAX_LENGTH,
  confidences,
  criterionCommentName,
  recommendations,
  scaleAnchors,
  scoreName,
  weightedTotal,
  type MissingItem,
  type ReviewOutcome,
} from "~/forms/review-scores";
import { formatDateTime, formatNumber, isMessageKey } from "~/i18n";
import type { ReviewState } from "@workflows/review.machine";
import { ConfirmStep } from "../confirm-step";
import { CsrfField, FieldErrors, FormErrors, Notice } from "../forms";
import { useLocale, useT } from "../use-t";

/**
 * The juror's side of the review page: the rubric with a score and a comment per criterion, the
 * overall comment, recommendation and confidence, the weighted total, and the buttons to keep the
 * draft, submit it or abstain. Without JavaScript every button is a plain form post; with it the
 * draft also saves itself shortly after each change and the total follows each score.
 */

/** What the page's loader gives this part of the page. */
interface Page {
  assignmentId: string;
  rubric: { scaleMin: number; scaleMax: number; criteria: { id: string; weight: number; title: string; description: string }[] } | null;
  review: {
    state: ReviewState;
    scores: Record<string, number>;
    criterionComments: Record<string, string>;
    comment: string;
    recommendation: string | null;
    confidence: string | null;
    weightedTotal: number | null;
    submittedAt: Date | string | null;
    abstainReason: string | null;
    reopenReason: string | null;
  };
}
type Rubric = NonNullable<Page["rubric"]>;

export const REVIEW_FORM = "review-form";
const ABSTAIN_FORM = "abstain-form";
const AUTOSAVE_DELAY_MS = 1500;

function useMessage() {
  const t = useT();
  return (key: string) => (isMessageKey(key) ? t(key) : key);
}

/** The values the form shows: what came back with a refused form, else the stored draft. */
function formValues(page: Page, outcome: ReviewOutcome | undefined): Record<string, string> {
  if (outcome?.kind === "invalid" && outcome.form === "review") {
    return Object.fromEntries(Object.entries(outcome.values).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  }
  const { review } = page;
  const values: Record<string, string> = { comment: review.comment, recommendation: review.recommendation ?? "", confidence: review.confidence ?? "" };
  for (const criterion of page.rubric?.criteria ?? []) {
    const score = review.scores[criterion.id];
    if (score !== undefined) values[scoreName(criterion.id)] = String(score);
    values[criterionCommentName(criterion.id)] = review.criterionComments[criterion.id] ?? "";
  }
  return values;
}

function scoresIn(rubric: Rubric, values: Record<string, string>): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const criterion of rubric.criteria) {
    const value = values[scoreName(criterion.id)];
    if (value !== undefined && value !== "") scores[criterion.id] = Number(value);
  }
  return scores;
}

function TotalLine({ rubric, total }: { rubric: Rubric; total: number | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className="review-total">
      {t("reviewJuror.total")}{" "}
      <output htmlFor={rubric.criteria.map((criterion) => `${scoreName(criterion.id)}-${rubric.scaleMin}`).join(" ")} aria-live="polite">
        <strong>{total === null ? t("reviewJuror.totalNone") : t("reviewJuror.totalValue", { total: formatNumber(locale, total), max: rubric.scaleMax })}</strong>
      </output>
    </p>
  );
}

/** What is missing before submitting, in words, each a link to its place in the form. */
function MissingList({ missing, rubric }: { missing: MissingItem[]; rubric: Rubric }) {
  const t = useT();
  return (
    <ul>
      {missing.map((item) => {
        if (item.kind !== "score") {
          return (
            <li key={item.kind}>
              <a href={`#${item.kind}`}>{t(`reviewJuror.missing.${item.kind}`)}</a>
            </li>
          );
        }
        const criterion = rubric.criteria.find((candidate) => candidate.id === item.criterionId);
        return (
          <li key={item.criterionId}>
            <a href={`#criterion-${item.criterionId}`}>{t("reviewJuror.missing.score", { criterion: criterion?.title ?? "" })}</a>
          </li>
        );
      })}
    </ul>
  );
}

function ChoiceFieldset(props: { name: "recommendation" | "confidence"; options: readonly string[]; value: string; errors?: string[] }) {
  const t = useT();
  const message = useMessage();
  return (
    <fieldset id={props.name} className="choice-group" aria-describedby={props.errors ? `${props.name}-errors` : undefined}>
      <legend>{t(`reviewJuror.${props.name}`)}</legend>
      {props.options.map((option) => (
        <div className="choice" key={option}>
          <input type="radio" id={`${props.name}-${option}`} name={props.name} value={option} defaultChecked={props.value === option} />
          <label htmlFor={`${props.name}-${option}`}>{message(`reviewJuror.${props.name}.${option}`)}</label>
        </div>
      ))}
      <FieldErrors id={`${props.name}-errors`} errors={props.errors?.map(message)} />
    </fieldset>
  );
}

function CriterionFieldset({ rubric, criterion, index, values, errors }: { rubric: Rubric; criterion: Rubric["criteria"][number]; index: number; values: Record<string, string>; errors: Record<string, string[] | null> }) {
  const t = useT();
  const message = useMessage();
  const anchors = scaleAnchors(rubric);
  const name = scoreName(criterion.id);
  const commentName = criterionCommentName(criterion.id);
  const points = Array.from({ length: rubric.scaleMax - rubric.scaleMin + 1 }, (_, offset) => rubric.scaleMin + offset);
  const scoreErrors = errors[name] ?? undefined;
  const describedBy = [criterion.description ? `${name}-description` : null, `${name}-anchors`, scoreErrors ? `${name}-errors` : null].filter(Boolean).join(" ");
  return (
    <fieldset id={`criterion-${criterion.id}`} className="criterion" aria-describedby={describedBy}>
      <legend>{t("reviewJuror.criterion", { number: index + 1, title: criterion.title, weight: criterion.weight })}</legend>
      {criterion.description ? (
        <p id={`${name}-description`} className="answer-text">
          {criterion.description}
        </p>
      ) : null}
      <p id={`${name}-anchors`} className="kern-hint">
        {t("reviewJuror.anchors", { low: anchors.low, middle: anchors.middle, high: anchors.high })}
      </p>
      <div className="score-points">
        {points.map((point) => (
          <div className="choice" key={point}>
            <input type="radio" id={`${name}-${point}`} name={name} value={point} defaultChecked={values[name] === String(point)} />
            <label htmlFor={`${name}-${point}`}>{point}</label>
          </div>
        ))}
      </div>
      <FieldErrors id={`${name}-errors`} errors={scoreErrors?.map(message)} />
      <div className="field">
        <label htmlFor={commentName}>{t("reviewJuror.criterionComment", { title: criterion.title })}</label>
        <textarea id={commentName} name={commentName} rows={3} maxLength={COMMENT_MAX_LENGTH} defaultValue={values[commentName] ?? ""} />
        <FieldErrors id={`${commentName}-errors`} errors={errors[commentName]?.map(message)} />
      </div>
    </fieldset>
  );
}

/** The editable review: rubric, comments, recommendation, confidence, total and the buttons. */
function ReviewDraftForm({ page, rubric, outcome }: { page: Page; rubric: Rubric; outcome: ReviewOutcome | undefined }) {
  const t = useT();
  const locale = useLocale();
  const message = useMessage();
  const values = formValues(page, outcome);
  const errors = outcome?.kind === "invalid" && outcome.form === "review" ? outcome.errors : {};
  const autosave = useFetcher<ReviewOutcome>({ key: `review-autosave-${page.assignmentId}` });
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [total, setTotal] = useState(() => weightedTotal(rubric, scoresIn(rubric, values)));
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (autosave.state === "idle" && autosave.data?.kind === "saved") setSavedAt(new Date());
  }, [autosave.state, autosave.data]);

  const saveSoon = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(function save() {
      if (!formRef.current) return;
      // One save at a time; a change made meanwhile is saved right after.
      if (autosave.state !== "idle") {
        timer.current = setTimeout(save, AUTOSAVE_DELAY_MS);
        return;
      }
      const data = new FormData(formRef.current);
      data.set("intent", "autosave");
      autosave.submit(data, { method: "post" });
    }, AUTOSAVE_DELAY_MS);
  };

  const onChange = () => {
    if (!formRef.current) return;
    const typed = Object.fromEntries([...new FormData(formRef.current).entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    setTotal(weightedTotal(rubric, scoresIn(rubric, typed)));
    saveSoon();
  };

  const confirming = outcome?.kind === "confirm" && outcome.step === "submit";
  return (
    <>
      {confirming ? (
        <ConfirmStep question={t("reviewJuror.confirmSubmit.question")} explanation={t("reviewJuror.confirmSubmit.explanation")} intent="submit" confirmLabel={t("reviewJuror.confirmSubmit.button")} form={REVIEW_FORM} />
      ) : null}
      {outcome?.kind === "refused" ? (
        <div className="form-errors" role="alert" id="review-refused">
          <p>{message(outcome.message)}</p>
          {outcome.missing.length > 0 ? <MissingList missing={outcome.missing} rubric={rubric} /> : null}
        </div>
      ) : null}
      {outcome?.kind === "invalid" && outcome.form === "review" ? <FormErrors id="review-errors" errors={[t("error.summary")]} /> : null}
      <Form id={REVIEW_FORM} method="post" ref={formRef} onChange={onChange} onSubmit={() => clearTimeout(timer.current)} aria-labelledby="rubric-heading" className="review-form">
        <CsrfField />
        {rubric.criteria.map((criterion, index) => (
          <CriterionFieldset key={criterion.id} rubric={rubric} criterion={criterion} index={index} values={values} errors={errors} />
        ))}
        <TotalLine rubric={rubric} total={total} />
        <div className="field">
          <label htmlFor="comment">{t("reviewJuror.comment")}</label>
          <textarea id="comment" name="comment" rows={6} maxLength={COMMENT_MAX_LENGTH} defaultValue={values.comment ?? ""} />
          <FieldErrors id="comment-errors" errors={errors.comment?.map(message)} />
        </div>
        <ChoiceFieldset name="recommendation" options={recommendations} value={values.recommendation ?? ""} errors={errors.recommendation ?? undefined} />
        <ChoiceFieldset name="confidence" options={confidences} value={values.confidence ?? ""} errors={errors.confidence ?? undefined} />
        <p className="kern-hint" aria-live="polite">
          {autosave.state !== "idle" ? t("reviewJuror.autosave.saving") : savedAt ? t("reviewJuror.autosave.saved", { time: formatDateTime(locale, savedAt) }) : t("reviewJuror.autosave.hint")}
        </p>
        <p className="form-buttons">
          <button type="submit" name="intent" value="save" className="kern-btn kern-btn--secondary">
            {t("reviewJuror.save")}
          </button>{" "}
          <button type="submit" name="intent" value="submit" className="kern-btn kern-btn--primary">
            {t("reviewJuror.submit")}
          </button>
        </p>
      </Form>
    </>
  );
}

/** The juror may step back from an application with a reason, before submitting. */
function AbstainSection({ outcome }: { outcome: ReviewOutcome | undefined }) {
  const t = useT();
  const message = useMessage();
  const confirming = outcome?.kind === "confirm" && outcome.step === "abstain";
  const invalid = outcome?.kind === "invalid" && outcome.form === "abstain" ? outcome : null;
  const reason = confirming ? (outcome.reason ?? "") : typeof invalid?.values.reason === "string" ? invalid.values.reason : "";
  return (
    <section aria-labelledby="abstain-heading">
      <h2 id="abstain-heading">{t("reviewJuror.abstain.heading")}</h2>
      <p>{t("reviewJuror.abstain.intro")}</p>
      {confirming ? (
        <ConfirmStep question={t("reviewJuror.abstain.question")} explanation={t("reviewJuror.abstain.explanation")} intent="abstain" confirmLabel={t("reviewJuror.abstain.confirm")} form={ABSTAIN_FORM} />
      ) : null}
      <Form id={ABSTAIN_FORM} method="post" className="stacked">
        <CsrfField />
        <div className="field">
          <label htmlFor="abstain-reason">{t("reviewJuror.abstain.reason")}</label>
          <textarea
            id="abstain-reason"
            name="reason"
            rows={3}
            maxLength={2000}
            defaultValue={reason}
            aria-invalid={invalid?.errors.reason ? true : undefined}
            aria-describedby={invalid?.errors.reason ? "abstain-reason-errors" : undefined}
          />
          <FieldErrors id="abstain-reason-errors" errors={invalid?.errors.reason?.map(message)} />
        </div>
        {confirming ? null : (
          <button type="submit" name="intent" value="abstain" className="kern-btn kern-btn--secondary">
            {t("reviewJuror.abstain.button")}
          </button>
        )}
      </Form>
    </section>
  );
}

/** A submitted review as the juror wrote it. */
function SubmittedReview({ page, rubric }: { page: Page; rubric: Rubric }) {
  const t = useT();
  const message = useMessage();
  const { review } = page;
  return (
    <>
      <dl className="answers">
        {rubric.criteria.map((criterion, index) => (
          <div key={criterion.id}>
            <dt>{t("reviewJuror.criterion", { number: index + 1, title: criterion.title, weight: criterion.weight })}</dt>
            <dd>
              {t("reviewJuror.points", { score: review.scores[criterion.id] ?? "–", max: rubric.scaleMax })}
              {review.criterionComments[criterion.id] ? <p className="answer-text">{review.criterionComments[criterion.id]}</p> : null}
            </dd>
          </div>
        ))}
        <div>
          <dt>{t("reviewJuror.comment")}</dt>
          <dd className="answer-text">{review.comment || "–"}</dd>
        </div>
        <div>
          <dt>{t("reviewJuror.recommendation")}</dt>
          <dd>{review.recommendation ? message(`reviewJuror.recommendation.${review.recommendation}`) : "–"}</dd>
        </div>
        <div>
          <dt>{t("reviewJuror.confidence")}</dt>
          <dd>{review.confidence ? message(`reviewJuror.confidence.${review.confidence}`) : "–"}</dd>
        </div>
      </dl>
      <TotalLine rubric={rubric} total={review.weightedTotal} />
    </>
  );
}

/** The rubric column of the review page, in whichever state the review is. */
export function ReviewWorkspace({ page, outcome }: { page: Page; outcome: ReviewOutcome | undefined }) {
  const t = useT();
  const locale = useLocale();
  const { review, rubric } = page;
  if (!rubric) return <Notice tone="info">{t("reviewJuror.error.noRubric")}</Notice>;
  switch (review.state) {
    case "submitted":
      return (
        <>
          <Notice>{t("reviewJuror.submittedAt", { at: review.submittedAt ? formatDateTime(locale, review.submittedAt) : "–" })}</Notice>
          <p>
            <Link to={`/juror/reviews/${page.assignmentId}/discussion`}>{t("reviewJuror.discussion")}</Link>
          </p>
          <SubmittedReview page={page} rubric={rubric} />
        </>
      );
    case "abstained":
      return <Notice tone="info">{t("reviewJuror.abstained", { reason: review.abstainReason ?? "" })}</Notice>;
    default:
      return (
        <>
          {review.state === "reopened" ? <Notice tone="info">{t("reviewJuror.reopened", { reason: review.reopenReason ?? "" })}</Notice> : null}
          <ReviewDraftForm page={page} rubric={rubric} outcome={outcome} />
          {review.state === "reopened" ? null : <AbstainSection outcome={outcome} />}
        </>
      );
  }
}
