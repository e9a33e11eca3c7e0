import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadStageForm } from "~/server/calls/call-setup.server";
import { formBuilderAction } from "~/server/calls/form-builder-actions.server";
import { requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { FormMockup } from "~/components/calls/form-mockup";
import { AddSectionForm, EligibilityEditor, FieldDeletionQuestion, SectionDeletionQuestion, SectionEditor } from "~/components/calls/form-builder";
import { fieldsOf } from "~/forms/form-definition";
import { ActionErrors } from "~/components/calls/setup-form";
import { Notice } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "formBuilder.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return loadStageForm(user, params.callId ?? "", params.stageId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return formBuilderAction(user, request, { callId: params.callId ?? "", stageId: params.stageId ?? "" });
}

export default function FormBuilder() {
  const t = useT();
  const { call, stage, definition, version, published, editable } = useLoaderData<typeof loader>();
  const stageName = t(`stageKind.${stage.kind}`);
  const fieldPage = (key: string) => `/manager/calls/${call.id}/stages/${stage.id}/fields/${key}`;
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
      </p>
      <h1>{t("formBuilder.heading", { stage: stageName })}</h1>
      <ActionErrors />
      {definition && editable && !published ? (
        <>
          <FieldDeletionQuestion fields={fieldsOf(definition)} />
          <SectionDeletionQuestion sections={definition.sections} />
        </>
      ) : null}
      {published ? <Notice tone="info">{t("formBuilder.publishedNotice", { version })}</Notice> : null}
      {!editable ? <Notice tone="info">{t("callSetup.error.notEditable")}</Notice> : null}
      {!definition ? (
        <p className="form-errors">{t("formBuilder.error.storedInvalid")}</p>
      ) : (
        <>
          <EligibilityEditor questions={definition.eligibility} published={published} editable={editable} />
          <section aria-labelledby="sections-heading">
            <h2 id="sections-heading">{t("formBuilder.sections")}</h2>
            {definition.sections.length === 0 ? <p className="empty">{t("formBuilder.noSections")}</p> : null}
            {definition.sections.map((section, index) => (
              <SectionEditor
                key={section.key}
                section={section}
                index={index}
                count={definition.sections.length}
                published={published}
                editable={editable}
                fieldPage={fieldPage}
              />
            ))}
            {editable ? <AddSectionForm key={definition.sections.length} /> : null}
          </section>
          <section aria-labelledby="builder-preview">
            <h2 id="builder-preview">{t("formBuilder.preview")}</h2>
            <FormMockup definition={definition} idPrefix="builder-preview" />
          </section>
        </>
      )}
    </>
  );
}
