import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { changePassword, logIn, RateLimitedError, requestPasswordReset, signUp } from "../../app/server/accounts/accounts.server";
import { action as loginAction } from "../../app/routes/login";
import { action as forgotPasswordAction } from "../../app/routes/forgot-password";
import { createPerson } from "../support/accounts";
import { browserOf, formPost } from "../support/application-fixtures";
import { answerOf } from "../support/route-calls";

const baseUrl = "http://portal.test";
const password = "richtiges passwort";
let addressCounter = 0;
/** Each test its own client address (a school's, say), so the per-address counts stay apart. */
const newAddress = () => `203.0.113.${(addressCounter += 1)}`;

async function loginThroughPage(email: string, typed: string, clientAddress: string) {
  const visitor = await browserOf(null);
  return answerOf(
    loginAction,
    formPost(`${baseUrl}/login`, visitor, [
      ["email", email],
      ["password", typed],
    ]),
    { clientAddress },
  );
}

describe("the login limit counts failed attempts, not logins", () => {
  it("lets 30 people behind one school's address log in, each twice, within minutes", async () => {
    const school = newAddress();
    const staff = await Promise.all(Array.from({ length: 30 }, (_, index) => createPerson("APPLICANT", { password, name: `Lehrkraft ${index}` })));
    for (const round of [1, 2]) {
      for (const person of staff) {
        const answer = await loginThroughPage(person.email, password, school);
        expect(answer.status, `${person.name}, round ${round}`).toBe(302);
        expect(answer.headers.get("Set-Cookie")).toContain("portal_session=");
      }
    }
  });

  it("refuses the address with 429 and Retry-After in seconds after 50 failures, and the person's own account after 5", async () => {
    const school = newAddress();
    const start = new Date("2026-11-03T07:00:00Z");
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await expect(logIn({ email: `vertippt-${attempt}@example.test`, password: "falsch" }, { baseUrl, clientAddress: school, now: start })).resolves.toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const later = new Date(start.getTime() + 5 * 60 * 1000);
    const refused = await logIn({ email: "noch-einer@example.test", password: "falsch" }, { baseUrl, clientAddress: school, now: later }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(RateLimitedError);
    // The window began with the first failure: ten minutes of it are left.
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(10 * 60);

    const person = await createPerson("APPLICANT", { password });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await loginThroughPage(person.email, "falsch geraten", newAddress())).status).toBe(400);
    }
    const page = await loginThroughPage(person.email, password, newAddress());
    expect(page.status).toBe(429);
    const retryAfter = Number(page.headers.get("Retry-After"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(page.data).toMatchObject({ error: { "": [expect.stringMatching(/Bitte warten Sie 15 Minuten/)] } });
  });

  it("does not let one person's successes wipe out failures someone else left on the same address or account", async () => {
    const school = newAddress();
    const now = new Date("2026-11-04T07:00:00Z");
    // Someone at the address tries one password on many accounts.
    const guessed = (attempt: number) => `ziel-${attempt}@example.test`;
    for (let attempt = 0; attempt < 49; attempt += 1) await logIn({ email: guessed(attempt), password: "sommer2026" }, { baseUrl, clientAddress: school, now });
    const teacher = await createPerson("APPLICANT", { password });
    for (let login = 0; login < 10; login += 1)
      await expect(logIn({ email: teacher.email, password }, { baseUrl, clientAddress: school, now })).resolves.toMatchObject({ ok: true });
    // 49 failures stand: the 50th is let through, the 51st is not.
    await expect(logIn({ email: guessed(49), password: "sommer2026" }, { baseUrl, clientAddress: school, now })).resolves.toMatchObject({ ok: false });
    await expect(logIn({ email: guessed(50), password: "sommer2026" }, { baseUrl, clientAddress: school, now })).rejects.toBeInstanceOf(RateLimitedError);

    // On one account: four wrong guesses from elsewhere, then its owner logs in; the guesses still count.
    const owner = await createPerson("APPLICANT", { password });
    for (let attempt = 0; attempt < 4; attempt += 1)
      await logIn({ email: owner.email, password: `rate-${attempt}` }, { baseUrl, clientAddress: newAddress(), now });
    await expect(logIn({ email: owner.email, password }, { baseUrl, clientAddress: newAddress(), now })).resolves.toMatchObject({ ok: true });
    await logIn({ email: owner.email, password: "fünfter versuch" }, { baseUrl, clientAddress: newAddress(), now });
    await expect(logIn({ email: owner.email, password }, { baseUrl, clientAddress: newAddress(), now })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("counts a right password of an unconfirmed account as no failure", async () => {
    const school = newAddress();
    const now = new Date("2026-11-05T07:00:00Z");
    await signUp(
      { name: "Clara", email: "unbestaetigt@example.test", password, networkName: "Netz Unbestätigt", bundesland: "BW", region: "Freiburg" },
      { baseUrl, clientAddress: newAddress(), locale: "de", now },
    );
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await expect(logIn({ email: "unbestaetigt@example.test", password }, { baseUrl, clientAddress: school, now })).resolves.toEqual({
        ok: false,
        reason: "unverified",
      });
    }
  });

  it("counts only wrong current passwords when a password is changed", async () => {
    const person = await createPerson("MANAGER", { password });
    const now = new Date("2026-11-06T07:00:00Z");
    for (let change = 0; change < 7; change += 1) {
      const next = `neues passwort ${change}`;
      const current = change === 0 ? password : `neues passwort ${change - 1}`;
      await expect(changePassword(person, { currentPassword: current, password: next }, { clientAddress: newAddress(), now })).resolves.toBe(true);
    }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(changePassword(person, { currentPassword: "falsch", password: "egal egal egal" }, { clientAddress: newAddress(), now })).resolves.toBe(
        false,
      );
    }
    await expect(
      changePassword(person, { currentPassword: "neues passwort 6", password: "egal egal egal" }, { clientAddress: newAddress(), now }),
    ).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("requests that send mail count every request", () => {
  it("limits reset mails per address typed in, even when every request succeeds, and answers 429 with Retry-After", async () => {
    const person = await createPerson("APPLICANT");
    for (let request = 0; request < 3; request += 1) {
      const visitor = await browserOf(null);
      const answer = await answerOf(forgotPasswordAction, formPost(`${baseUrl}/forgot-password`, visitor, [["email", person.email]]), {
        clientAddress: newAddress(),
      });
      expect(answer.status).toBe(200);
    }
    const visitor = await browserOf(null);
    const refused = await answerOf(forgotPasswordAction, formPost(`${baseUrl}/forgot-password`, visitor, [["email", person.email]]), {
      clientAddress: newAddress(),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await prisma.outboxEmail.count({ where: { toEmail: person.email, template: "password-reset" } })).toBe(3);
  });

  it("limits sign-ups per client address", async () => {
    const office = newAddress();
    const now = new Date("2026-11-07T07:00:00Z");
    for (let request = 0; request < 20; request += 1) {
      await signUp(
        { name: "Neu", email: `neu-${request}@example.test`, password, networkName: `Netz Neu ${request}`, bundesland: "NW", region: "Köln" },
        { baseUrl, clientAddress: office, locale: "de", now },
      );
    }
    await expect(
      signUp(
        { name: "Neu", email: "neu-21@example.test", password, networkName: "Netz Neu 21", bundesland: "NW", region: "Köln" },
        { baseUrl, clientAddress: office, locale: "de", now },
      ),
    ).rejects.toBeInstanceOf(RateLimitedError);
    await expect(requestPasswordReset("neu-1@example.test", { baseUrl, clientAddress: office, now })).resolves.toBeUndefined();
  });
});
