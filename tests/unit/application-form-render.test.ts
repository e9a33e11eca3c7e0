import type { SubmissionResult } from "@conform-to/react";
import { describe, expect, it } from "vitest";
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AnswersView } from "../../app/components/applications/answer-view";
import { FieldInput } from "../../app/components/applications/field-inputs";
import { Checklist } from "../../app/components/applications/checklist";
import { FormOutline } from "../../app/components/applications/form-outline";
import { remainingText } from "../../app/components/applications/deadline-countdown";
import { ApplicationEditor } from "../../app/components/applications/application-editor";
import { applicationChecklist } from "../../app/forms/application-schemas";
import { translator } from "../../app/i18n";
import { completeAnswers, everyFieldForm } from "../support/application-forms";

/** Renders like the server does, inside a router whose root data carries the page's language. */
async function render(node: ReactNode, locale: "de" | "en" = "de"): Promise<string> {
  const routes = [{ id: "root", path: "/", loader: () => ({ locale, csrf: "token" }), element: node }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://portal.test/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  // React marks text boundaries with empty comments; they are no part of what a reader sees.
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context })).replaceAll("<!-- -->", "");
}

const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const field = (key: string) => everyFieldForm.sections[0]!.fields.find((candidate) => candidate.key === key)!;

describe("rendering answers", () => {
  it("escapes scripts typed into text fields, in the read-only view and in the inputs", async () => {
    const answers = { ...completeAnswers, fields: { ...completeAnswers.fields, projectTitle: hostile, summary: hostile } };
    const view = await render(createElement(AnswersView, { definition: everyFieldForm, answers, conditions: [{ text: hostile, answer: hostile }], files: [] }));
    expect(view).not.toContain("<script>alert");
    expect(view).not.toContain("<img src=x");
    expect(view).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    const summary = field("summary");
    if (summary.type !== "longText") throw new Error("summary is a long text");
    const input = await render(createElement(FieldInput, { field: summary, value: hostile, errors: {} }));
    expect(input).not.toContain("<script>alert");
    expect(input).toContain("&lt;script&gt;");
  });

  it("counts the remaining characters of a long text on the server", async () => {
    const summary = field("summary");
    if (summary.type !== "longText") throw new Error("summary is a long text");
    const html = await render(createElement(FieldInput, { field: summary, value: "x".repeat(120), errors: {} }));
    expect(html).toContain("noch 380 von 500 Zeichen");
    expect(html).toMatch(/<textarea[^>]*maxLength="500"/);
    const english = await render(createElement(FieldInput, { field: summary, value: "", errors: {} }), "en");
    expect(english).toContain("500 of 500 characters left");
  });

  it("links errors to their inputs and marks required fields", async () => {
    const title = field("projectTitle");
    if (title.type !== "shortText") throw new Error("title is a short text");
    const html = await render(createElement(FieldInput, { field: title, value: "", errors: { "fields.projectTitle": ["Bitte höchstens 100 Zeichen."] } }));
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="in-fields-projectTitle-errors"');
    expect(html).toContain('id="in-fields-projectTitle-errors"');
    expect(html).toContain('aria-required="true"');
    expect(html).toContain('form="draft-form"');
  });

  it("groups choices in a fieldset with a legend", async () => {
    const focus = field("focus");
    if (focus.type !== "singleChoice") throw new Error("focus is a single choice");
    const html = await render(createElement(FieldInput, { field: focus, value: "physics", errors: {} }));
    expect(html).toMatch(/<fieldset[^>]*role="radiogroup"/);
    expect(html).toContain("<legend>Schwerpunkt");
    expect(html).toMatch(/<input type="radio" id="in-fields-focus-physics"[^>]*checked=""/);
    expect(html).not.toMatch(/<input type="radio" id="in-fields-focus-informatics"[^>]*checked=""/);
  });

  it("shows every missing item as a link to its field", async () => {
    const items = applicationChecklist(everyFieldForm, { eligibility: {}, fields: {} }, [{ text: "Auflage", answer: null }]);
    const html = await render(createElement(Checklist, { definition: everyFieldForm, items }));
    expect(html).toContain('href="#field-projectTitle"');
    expect(html).toContain('href="#eligibility-registered"');
    expect(html).toContain('href="#condition-0"');
    expect(html).toContain("Titel</a>: fehlt");
  });

  it("previews the form read-only: every field, its kind and whether it is required", async () => {
    const html = await render(createElement(FormOutline, { definition: everyFieldForm }));
    expect(html).not.toContain("<input");
    expect(html).toContain("Langer Text, höchstens 500 Zeichen");
    expect(html).toContain("Informatik, Physik");
    expect(html).toContain("Kostenplan nach Kategorien und Jahren (2026, 2027)");
  });
});

describe("the whole editor", () => {
  const page = (answers: typeof completeAnswers) => ({
    applicationId: "app-1",
    definition: everyFieldForm,
    answers,
    conditions: [{ text: "Kooperationsvertrag beilegen", answer: null }],
    checklist: applicationChecklist(everyFieldForm, answers, [{ text: "Kooperationsvertrag beilegen", answer: null }]),
    files: [],
    revision: 7,
    invalidInput: [],
    savedAt: "2026-10-20T12:03:00Z",
    now: "2026-10-20T15:00:00Z",
  });

  it("shows only the eligibility questions until they are answered as required", async () => {
    const html = await render(createElement(ApplicationEditor, { page: page({ eligibility: {}, fields: {} }), actionData: undefined }));
    expect(html).toContain('name="eligibility.registered"');
    expect(html).not.toContain('name="fields.projectTitle"');
    expect(html).not.toContain('name="fieldsShown"');
    expect(html).toContain('name="revision" value="7"');
    const refused = await render(createElement(ApplicationEditor, { page: page({ eligibility: { registered: false }, fields: {} }), actionData: undefined }));
    expect(refused).toContain("Nur Netzwerke in Deutschland können sich bewerben.");
    expect(refused).not.toContain('name="fields.projectTitle"');
  });

  it("renders all field types once eligible, connected to the draft form, with the submit button blocked while items are open", async () => {
    const html = await render(createElement(ApplicationEditor, { page: page(completeAnswers), actionData: undefined }));
    for (const name of ["fields.projectTitle", "fields.summary", "fields.pupils", "fields.grant", "fields.start", "fields.focus", "fields.groups", "fields.girls", "fields.partnerList[0].name", "fields.costs.lines[1].amount", "fields.costs.own", "conditions[0]"]) {
      expect(html).toContain(`name="${name}"`);
    }
    expect(html).toContain('name="fieldsShown" value="1"');
    expect(html).toMatch(/<form[^>]*id="draft-form"/);
    // The file field brings its own form, which must not sit inside the draft form.
    expect(html.match(/<form/g)!.length).toBeGreaterThan(1);
    expect(html).not.toMatch(/<form[^>]*id="draft-form"[^>]*>(?:(?!<\/form>).)*<form/s);
    expect(html).toContain('value="45000"');
    expect(html).toMatch(/<button[^>]*value="submit"[^>]*disabled=""/);
    // Total costs 50.000 €, requested 45.000 € (total less own contribution), computed on the server.
    expect(html).toContain("50.000\u00a0€");
    expect(html).toContain("45.000\u00a0€");
  });

  /** The editor after a save was refused: someone else saved `theirRevision` while the person typed on `yourRevision`. */
  const afterConflict = (revisions: { theirRevision: number; yourRevision: number }, typed: NonNullable<SubmissionResult["initialValue"]>) =>
    render(
      createElement(ApplicationEditor, {
        page: page(completeAnswers),
        actionData: {
          at: 1,
          kind: "conflict",
          ...revisions,
          differences: [{ kind: "field", key: "projectTitle", theirs: "Ihr Titel", yours: "Mein Titel" }],
          result: { status: "error", initialValue: typed, error: {} },
          invalidInput: [],
        },
      }),
    );

  it("after a refused stale save shows both versions, keeps what was typed and stays on the old revision", async () => {
    const html = await afterConflict({ theirRevision: 8, yourRevision: 7 }, { eligibility: { registered: "yes" }, fields: { projectTitle: "Mein Titel" } });
    expect(html).toContain("Inzwischen hat jemand anderes gespeichert");
    expect(html).toContain("Ihr Titel");
    expect(html).toMatch(/name="fields.projectTitle"[^>]*value="Mein Titel"/);
    expect(html).toContain('name="revision" value="7"');
    expect(html).toContain('value="overwrite:8"');
    expect(html).toContain('href="/applications/app-1"');
  });

  it("forgets a conflict once a later save moved the stored revision past it", async () => {
    const html = await afterConflict({ theirRevision: 6, yourRevision: 5 }, { fields: { projectTitle: "Mein Titel" } });
    expect(html).not.toContain("Inzwischen hat jemand anderes gespeichert");
    expect(html).toContain('name="revision" value="7"');
    expect(html).toMatch(/name="fields.projectTitle"[^>]*value="MINT für alle"/);
  });
});

describe("the countdown", () => {
  const t = translator("de");
  const deadline = new Date("2026-10-25T11:00:00Z");
  it("says how much time is left, rounded down to the minute", () => {
    expect(remainingText(t, deadline, new Date("2026-10-23T09:58:30Z"))).toBe("noch 2 Tage, 1 Stunde, 1 Minute");
    expect(remainingText(t, deadline, new Date("2026-10-25T10:00:00Z"))).toBe("noch 1 Stunde, 0 Minuten");
    expect(remainingText(t, deadline, new Date("2026-10-25T10:59:30Z"))).toBe("weniger als eine Minute");
    expect(remainingText(t, deadline, deadline)).toBe("Frist abgelaufen");
  });
});
