import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { criterionRefSchema, criterionSchema, rubricScaleSchema, updateCriterionSchema } from "~/forms/call-schemas";
import { changeStageRubric, loadStageRubric, type RubricOperation } from "~/server/calls/call-setup.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { InputField, TextAreaField } from "~/components/calls/fields";
import { ActionErrors, ButtonForm, SetupForm } from "~/components/calls/setup-form";
import { Notice } from "~/components/forms";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rubric.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return loadStageRubric(user, params.callId ?? "", params.stageId ?? "");
}

interface RubricIntent<Schema extends z.ZodType> {
  formId: (formData: FormData) => string;
  schema: Schema;
  operation: (value: z.output<Schema>) => RubricOperation;
}

const rubricIntents = {
  setScale: { formId: () => "scale", schema: rubricScaleSchema, operation: (value) => ({ op: "setScale", ...value }) } satisfies RubricIntent<typeof rubricScaleSchema>,
  addCriterion: { formId: () => "add-criterion", schema: criterionSchema, operation: (value) => ({ op: "addCriterion", ...value }) } satisfies RubricIntent<typeof criterionSchema>,
  updateCriterion: {
    formId: (formData) => `criterion-${String(formData.get("criterionId") ?? "")}`,
    schema: updateCriterionSchema,
    operation: (value) => ({ op: "updateCriterion", ...value }),
  } satisfies RubricIntent<typeof updateCriterionSchema>,
  deleteCriterion: { formId: () => "action", schema: criterionRefSchema, operation: (value) => ({ op: "deleteCriterion", ...value }) } satisfies RubricIntent<typeof criterionRefSchema>,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  const name = intentOf(formData);
  if (!(name in rubricIntents)) throw new Response("Bad Request", { status: 400 });
  const intent = rubricIntents[name as keyof typeof rubricIntents] as RubricIntent<z.ZodType>;
  const target = { callId: params.callId ?? "", stageId: params.stageId ?? "" };
  return handleSetupForm(formData, { formId: intent.formId(formData), schema: intent.schema, locale: user.locale }, async (value) => {
    await changeStageRubric(user, target, intent.operation(value));
    return redirect(new URL(request.url).pathname);
  });
}

function CriterionFields({ weightFixed }: { weightFixed: boolean }) {
  const t = useT();
  return (
    <>
      <InputField name="titleDe" label={t("rubric.titleDe")} />
      <InputField name="titleEn" label={t("rubric.titleEn")} />
      <TextAreaField name="descriptionDe" label={`${t("rubric.descriptionDe")} ${t("field.optional")}`} rows={3} />
      <TextAreaField name="descriptionEn" label={`${t("rubric.descriptionEn")} ${t("field.optional")}`} rows={3} />
      {weightFixed ? null : <InputField name="weight" label={t("rubric.weight")} type="number" />}
    </>
  );
}

export default function RubricEditor() {
  const t = useT();
  const locale = useLocale();
  const { call, stage, rubric, published, editable } = useLoaderData<typeof loader>();
  const stageName = t(`stageKind.${stage.kind}`);
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
      </p>
      <h1>{t("rubric.heading", { stage: stageName })}</h1>
      <p className="lead">{t("rubric.intro")}</p>
      <ActionErrors />
      {published ? <Notice tone="info">{t("rubric.publishedNotice")}</Notice> : null}
      {!editable ? <Notice tone="info">{t("callSetup.error.notEditable")}</Notice> : null}

      <h2 id="scale-heading">{t("rubric.scale")}</h2>
      {editable && !published ? (
        <SetupForm id="scale" intent="setScale" schema={rubricScaleSchema} labelledBy="scale-heading" submitLabel={t("callSetup.save")} defaultValue={{ scaleMin: String(rubric.scaleMin), scaleMax: String(rubric.scaleMax) }}>
          <InputField name="scaleMin" label={t("rubric.scaleMin")} type="number" />
          <InputField name="scaleMax" label={t("rubric.scaleMax")} type="number" />
        </SetupForm>
      ) : (
        <p>{t("rubric.scaleText", { min: rubric.scaleMin, max: rubric.scaleMax })}</p>
      )}

      <h2>{t("rubric.criteria")}</h2>
      <p role="status" className={rubric.weightSum === 100 ? "notice" : "form-errors"}>
        {rubric.weightSum === 100 ? t("rubric.sumOk") : t("rubric.sumWrong", { sum: rubric.weightSum })}
      </p>
      {rubric.criteria.length === 0 ? <p className="empty">{t("rubric.none")}</p> : null}
      {rubric.criteria.map((criterion, index) => {
        const title = locale === "en" ? criterion.titleEn : criterion.titleDe;
        return (
          <article key={criterion.id} className="builder-item" aria-labelledby={`criterion-${criterion.id}-title`}>
            <h3 id={`criterion-${criterion.id}-title`}>
              {index + 1}. {title} ({t("rubric.weightValue", { weight: criterion.weight })})
            </h3>
            {editable ? (
              <>
                <SetupForm
                  id={`criterion-${criterion.id}`}
                  intent="updateCriterion"
                  schema={updateCriterionSchema}
                  hidden={{ criterionId: criterion.id, ...(published ? { weight: String(criterion.weight) } : {}) }}
                  submitLabel={t("callSetup.save")}
                  defaultValue={{
                    titleDe: criterion.titleDe,
                    titleEn: criterion.titleEn,
                    descriptionDe: criterion.descriptionDe,
                    descriptionEn: criterion.descriptionEn,
                    weight: String(criterion.weight),
                  }}
                >
                  <CriterionFields weightFixed={published} />
                </SetupForm>
                {published ? null : (
                  <ButtonForm intent="deleteCriterion" hidden={{ criterionId: criterion.id }} label={t("formBuilder.delete")} accessibleLabel={t("formBuilder.deleteItem", { item: title })} className="danger" />
                )}
              </>
            ) : (
              <p>{locale === "en" ? criterion.descriptionEn : criterion.descriptionDe}</p>
            )}
          </article>
        );
      })}
      {editable && !published ? (
        <section aria-labelledby="add-criterion-heading">
          <h2 id="add-criterion-heading">{t("rubric.add")}</h2>
          <SetupForm key={rubric.criteria.length} id="add-criterion" intent="addCriterion" schema={criterionSchema} labelledBy="add-criterion-heading" submitLabel={t("rubric.add")} defaultValue={{ weight: String(Math.max(0, 100 - rubric.weightSum)) }}>
            <CriterionFields weightFixed={false} />
          </SetupForm>
        </section>
      ) : null}
    </>
  );
}
