import { parseWithZod } from "@conform-to/zod/v4";
import { expect } from "vitest";
import type { z } from "zod";
import { RefusedError } from "../../app/server/http.server";
import { startSession, type CurrentUser } from "../../app/server/accounts/session.server";

/** A posted form as a browser sends it: a list becomes the same name repeated. */
export function formDataOf(fields: Record<string, string | string[]>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) formData.append(name, item);
  return formData;
}

/** Parses like the route does (Conform: empty inputs are missing, numbers and checkboxes coerced). */
export function parseForm<Schema extends z.ZodType>(schema: Schema, fields: Record<string, string | string[]>) {
  return parseWithZod(formDataOf(fields), { schema });
}

/** The value of a form that must parse. */
export function parsed<Schema extends z.ZodType>(schema: Schema, fields: Record<string, string | string[]>): z.output<Schema> {
  const submission = parseForm(schema, fields);
  if (submission.status !== "success") throw new Error(`form did not parse: ${JSON.stringify(submission.error)}`);
  return submission.value;
}

/** The stage fields of a two-stage call: the outline closes on the spring-forward day, the full proposal on the autumn one. */
export const twoStageDates = {
  stageMode: "TWO_STAGE",
  opensDate: "2026-02-01",
  opensTime: "00:00",
  closesDate: "2026-03-29",
  closesTime: "12:00",
  fullOpensDate: "2026-06-01",
  fullOpensTime: "09:00",
  fullClosesDate: "2026-10-25",
  fullClosesTime: "12:00",
};

/** The domain's refusal of a call: a RefusedError, for its message and status. */
export async function refusal(promise: Promise<unknown>): Promise<RefusedError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RefusedError);
  return error as RefusedError;
}

/** What someone gets for a thing they may not see: a 404, as if it did not exist. */
export async function notFoundFrom(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Response);
  expect((error as Response).status).toBe(404);
}

const csrf = "c".repeat(43);

/** The cookies of a signed-in browser: a fresh session of the person and the CSRF cookie the forms carry. */
async function cookieFor(user: CurrentUser): Promise<string> {
  const session = (await startSession(user.id, null)).split(";")[0]!;
  return `${session}; portal_csrf=${csrf}`;
}

/** A page request by the signed-in person, for calling a route's loader. */
export async function getAs(user: CurrentUser, path: string): Promise<Request> {
  return new Request(`http://portal.test${path}`, { headers: { Cookie: await cookieFor(user) } });
}

/** A form posted by the signed-in person with a valid CSRF token, for calling a route's action. */
export async function postAs(user: CurrentUser, path: string, fields: Record<string, string>): Promise<Request> {
  return new Request(`http://portal.test${path}`, { method: "POST", headers: { Cookie: await cookieFor(user) }, body: formDataOf({ ...fields, csrf }) });
}
