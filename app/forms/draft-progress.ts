import type { Answers } from "./answers";
import { applicationChecklist, type ApplicationChecklistItem, type ApplicationCondition } from "./application-schemas";
import type { InvalidInput } from "./invalid-input";
import { fieldsOf, type FormDefinition } from "./form-definition";

/**
 * How far a draft is, counted in what must be given before it can be submitted: each eligibility
 * question, each required field and each of the manager's conditions. A required item counts as
 * given when the checklist has nothing left to say about it. Managers see this instead of a draft's
 * content ("Entwurf, 7 von 12 Pflichtangaben").
 */
export interface DraftProgress {
  given: number;
  required: number;
}

export function draftProgress(definition: FormDefinition, answers: Answers, conditions: ApplicationCondition[], invalidInput: InvalidInput[] = []): DraftProgress {
  const requiredFields = fieldsOf(definition).filter((field) => field.required);
  const required = definition.eligibility.length + requiredFields.length + conditions.length;
  const open = new Set(applicationChecklist(definition, answers, conditions, invalidInput).map(openItemKey));
  const stillOpen =
    definition.eligibility.filter((question) => open.has(`eligibility:${question.key}`)).length +
    requiredFields.filter((field) => open.has(`field:${field.key}`)).length +
    conditions.filter((_, index) => open.has(`condition:${index}`)).length;
  return { given: required - stillOpen, required };
}

/** The required item a checklist entry is about; input held because it fails its rule counts against its field or condition. */
function openItemKey(item: ApplicationChecklistItem): string {
  switch (item.kind) {
    case "eligibility":
      return `eligibility:${item.questionKey}`;
    case "field":
      return `field:${item.fieldKey}`;
    case "condition":
      return `condition:${item.index}`;
    case "invalidInput":
      return "fieldKey" in item.place ? `field:${item.place.fieldKey}` : `condition:${item.place.conditionIndex}`;
  }
}
