import { redirect } from "@remix-run/node";
import type { z } from "zod";
import {
  addFieldSchema,
  addOptionSchema,
  addQuestionSchema,
  addSectionSchema,
  changeFieldTypeSchema,
  fieldPropertiesSchema,
  fieldRefSchema,
  moveFieldSchema,
  moveQuestionSchema,
  moveSectionSchema,
  questionRefSchema,
  removeOptionSchema,
  sectionRefSchema,
  updateQuestionSchema,
  updateSectionSchema,
} from "~/forms/call-schemas";
import { confirmation } from "~/forms/workflow-schemas";
import { fieldTypes, type FieldType } from "~/forms/form-definition";
import { changeStageForm } from "./call-setup.server";
import { readProtectedForm } from "../web/csrf.server";
import type { FormOperation } from "./form-builder.server";
import type { CurrentUser } from "../accounts/session.server";
import { handleSetupForm, intentOf } from "./setup-replies.server";

/**
 * The POSTs of the form builder's pages (the stage's form and one field's settings): each intent is a
 * small form with its schema, the id of the form on the page its errors belong to, and the builder
 * operation it asks for. Success goes back to the page, to the item that changed.
 */
interface BuilderIntent {
  formId: (formData: FormData) => string;
  schema: z.ZodType;
  operation: (value: never) => FormOperation;
  /** Where to go afterwards; by default back to the posting page at the changed item. */
  next?: (pages: BuilderPages, createdKey: string | null) => string;
}

interface BuilderPages {
  form: string;
  field: (key: string) => string;
  current: string;
}

function builderIntent<Schema extends z.ZodType>(intent: {
  formId: (formData: FormData) => string;
  schema: Schema;
  operation: (value: z.output<Schema>) => FormOperation;
  next?: (pages: BuilderPages, createdKey: string | null) => string;
}): BuilderIntent {
  return intent as BuilderIntent;
}

const buttons = () => "action";
const named = (prefix: string, field: string) => (formData: FormData) => `${prefix}-${String(formData.get(field) ?? "")}`;

const intents: Record<string, BuilderIntent> = {
  addSection: builderIntent({
    formId: () => "add-section",
    schema: addSectionSchema,
    operation: (value) => ({ op: "addSection", ...value }),
    next: (pages, created) => `${pages.form}#section-${created ?? ""}`,
  }),
  updateSection: builderIntent({ formId: named("edit-section", "sectionKey"), schema: updateSectionSchema, operation: (value) => ({ op: "updateSection", ...value }) }),
  deleteSection: builderIntent({ formId: buttons, schema: sectionRefSchema.extend(confirmation), operation: (value) => ({ op: "deleteSection", ...value }) }),
  moveSection: builderIntent({ formId: buttons, schema: moveSectionSchema, operation: (value) => ({ op: "moveSection", ...value }) }),
  addField: builderIntent({
    formId: named("add-field", "sectionKey"),
    schema: addFieldSchema,
    operation: (value) => ({ op: "addField", ...value }),
    next: (pages, created) => (created ? pages.field(created) : pages.form),
  }),
  changeFieldType: builderIntent({ formId: () => "change-type", schema: changeFieldTypeSchema, operation: (value) => ({ op: "changeFieldType", ...value }) }),
  deleteField: builderIntent({ formId: buttons, schema: fieldRefSchema.extend(confirmation), operation: (value) => ({ op: "deleteField", ...value }), next: (pages) => pages.form }),
  moveField: builderIntent({ formId: buttons, schema: moveFieldSchema, operation: (value) => ({ op: "moveField", ...value }) }),
  addOption: builderIntent({ formId: () => "add-option", schema: addOptionSchema, operation: (value) => ({ op: "addOption", ...value }) }),
  removeOption: builderIntent({ formId: buttons, schema: removeOptionSchema, operation: (value) => ({ op: "removeOption", ...value }) }),
  addQuestion: builderIntent({
    formId: () => "add-question",
    schema: addQuestionSchema,
    operation: (value) => ({ op: "addQuestion", ...value }),
    next: (pages, created) => `${pages.form}#question-${created ?? ""}`,
  }),
  updateQuestion: builderIntent({ formId: named("edit-question", "questionKey"), schema: updateQuestionSchema, operation: (value) => ({ op: "updateQuestion", ...value }) }),
  deleteQuestion: builderIntent({ formId: buttons, schema: questionRefSchema, operation: (value) => ({ op: "deleteQuestion", ...value }) }),
  moveQuestion: builderIntent({ formId: buttons, schema: moveQuestionSchema, operation: (value) => ({ op: "moveQuestion", ...value }) }),
};

/** The settings form's schema depends on the field's type, which the form names. */
function updateFieldIntent(formData: FormData): BuilderIntent {
  const type = formData.get("type");
  if (typeof type !== "string" || !(fieldTypes as readonly string[]).includes(type)) throw new Response("Bad Request", { status: 400 });
  return builderIntent({
    formId: () => "field-properties",
    schema: fieldPropertiesSchema(type as FieldType),
    operation: (properties) => ({ op: "updateField", properties }),
  });
}

export async function formBuilderAction(user: CurrentUser, request: Request, target: { callId: string; stageId: string }) {
  const formData = await readProtectedForm(request);
  const name = intentOf(formData);
  const intent = name === "updateField" ? updateFieldIntent(formData) : intents[name];
  if (!intent) throw new Response("Bad Request", { status: 400 });
  const form = `/manager/calls/${target.callId}/stages/${target.stageId}/form`;
  const pages: BuilderPages = { form, field: (key) => `/manager/calls/${target.callId}/stages/${target.stageId}/fields/${key}`, current: new URL(request.url).pathname };
  return handleSetupForm(formData, { formId: intent.formId(formData), schema: intent.schema, locale: user.locale }, async (value) => {
    const { createdKey } = await changeStageForm(user, target, intent.operation(value as never));
    return redirect(intent.next?.(pages, createdKey) ?? pages.current);
  });
}
