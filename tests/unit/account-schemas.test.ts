import { describe, expect, it } from "vitest";
import { inviteSchema, signUpSchema } from "../../app/forms/account-schemas";

const valid = {
  name: " Clara ",
  email: " Clara@Example.ORG ",
  password: "zehn zeichen",
  passwordConfirm: "zehn zeichen",
  networkName: "MINT-Region Freiburg",
  bundesland: "BW",
  region: "Freiburg",
};

function messages(result: ReturnType<typeof signUpSchema.safeParse>) {
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("sign-up form", () => {
  it("trims and lower-cases the address", () => {
    const result = signUpSchema.parse(valid);
    expect(result.email).toBe("clara@example.org");
    expect(result.name).toBe("Clara");
  });

  it("names each wrong field with a catalogue key", () => {
    const result = signUpSchema.safeParse({ ...valid, email: "not-an-address", password: "kurz", passwordConfirm: "anders", bundesland: "XX", region: "" });
    expect(messages(result)).toMatchObject({
      email: "error.email",
      password: "error.passwordShort",
      bundesland: "error.choose",
      region: "error.required",
    });
  });

  it("refuses mismatching passwords on the repeat field", () => {
    expect(messages(signUpSchema.safeParse({ ...valid, passwordConfirm: "etwas anderes" }))).toEqual({ passwordConfirm: "error.passwordMismatch" });
  });

  it("refuses absurdly long input instead of storing it", () => {
    expect(messages(signUpSchema.safeParse({ ...valid, networkName: "x".repeat(201), password: "p".repeat(201), passwordConfirm: "p".repeat(201) }))).toMatchObject({
      networkName: "error.tooLong",
      password: "error.passwordLong",
    });
  });
});

describe("invitation form", () => {
  it("accepts only roles that can be invited", () => {
    expect(inviteSchema.safeParse({ name: "J", email: "j@example.org", role: "APPLICANT", locale: "de" }).success).toBe(false);
    expect(inviteSchema.safeParse({ name: "J", email: "j@example.org", role: "JUROR", locale: "de" }).success).toBe(true);
  });
});
