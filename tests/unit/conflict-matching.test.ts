import { describe, expect, it } from "vitest";
import { domainOfEmail, normaliseOrganisation, organisationDomain, suspectConflict, type JurorFacts, type NetworkFacts } from "../../app/server/review/conflict-matching";

const juror = (facts: Partial<JurorFacts> = {}): JurorFacts => ({ id: "j", email: "anna@gmx.de", organisation: "", emailDomains: [], bundesland: null, networkIds: [], ...facts });
const network = (facts: Partial<NetworkFacts> = {}): NetworkFacts => ({ id: "n", name: "MINT-Region Freiburg", bundesland: "BW", partners: [], memberEmails: [], ...facts });
const counts = { sameBundeslandCounts: false };

describe("organisation names", () => {
  it("compares without case, punctuation, extra spaces and legal forms", () => {
    expect(normaliseOrganisation("Kita Sonnenschein e. V.")).toBe("kita sonnenschein");
    expect(normaliseOrganisation("  kita   Sonnenschein eV")).toBe("kita sonnenschein");
    expect(normaliseOrganisation("Science Lab gGmbH")).toBe("science lab");
    expect(normaliseOrganisation("Technik-Werk GmbH & Co. KG")).toBe("technik werk");
    expect(normaliseOrganisation("Lernort UG (haftungsbeschränkt)")).toBe("lernort");
  });

  it("keeps a name that is only a legal form, and words that merely contain one", () => {
    expect(normaliseOrganisation("AG")).toBe("ag");
    expect(normaliseOrganisation("Gemeinde Agstetten")).toBe("gemeinde agstetten");
  });
});

describe("mail domains", () => {
  it("ignores public mail providers and reserved example domains", () => {
    expect(organisationDomain("gmx.de")).toBeNull();
    expect(organisationDomain("@GMAIL.com")).toBeNull();
    expect(domainOfEmail("someone@example.org")).toBeNull();
    expect(domainOfEmail("someone@school.test")).toBeNull();
    expect(domainOfEmail("Someone@TU-Dresden.de")).toBe("tu-dresden.de");
    expect(domainOfEmail(null)).toBeNull();
  });
});

describe("suspectConflict", () => {
  it("finds nothing between strangers", () => {
    expect(suspectConflict(juror(), network(), counts)).toBeNull();
  });

  it("finds membership of the network", () => {
    expect(suspectConflict(juror({ networkIds: ["n"] }), network(), counts)?.grounds).toEqual(["MEMBERSHIP"]);
  });

  it("finds the organisation in the partner roster and in the network's own name, naming what matched", () => {
    const partner = suspectConflict(juror({ organisation: "kita sonnenschein ev" }), network({ partners: [{ name: "Kita Sonnenschein e.V.", contactEmail: null }] }), counts);
    expect(partner).toEqual({ grounds: ["ORGANISATION"], detail: "Organisation „kita sonnenschein ev“ = Partner „Kita Sonnenschein e.V.“" });
    expect(suspectConflict(juror({ organisation: "MINT-Region Freiburg e.V." }), network(), counts)?.grounds).toEqual(["ORGANISATION"]);
  });

  it("finds a shared organisation domain, also a subdomain, from the juror's address or listed domains", () => {
    const partners = [{ name: "TU Dresden", contactEmail: "kontakt@informatik.tu-dresden.de" }];
    expect(suspectConflict(juror({ emailDomains: ["tu-dresden.de"] }), network({ partners }), counts)?.grounds).toEqual(["EMAIL_DOMAIN"]);
    expect(suspectConflict(juror({ email: "anna@tu-dresden.de" }), network({ partners }), counts)?.detail).toContain("tu-dresden.de");
    expect(suspectConflict(juror({ email: "anna@schule-am-see.de" }), network({ memberEmails: ["koordination@schule-am-see.de"] }), counts)?.grounds).toEqual(["EMAIL_DOMAIN"]);
  });

  it("never matches on a public mail provider", () => {
    const found = suspectConflict(juror({ email: "anna@gmx.de", emailDomains: ["gmail.com"] }), network({ partners: [{ name: "Kita", contactEmail: "kita@gmx.de" }], memberEmails: ["x@gmail.com"] }), counts);
    expect(found).toBeNull();
  });

  it("counts the same Land only where the stage says so", () => {
    expect(suspectConflict(juror({ bundesland: "BW" }), network(), counts)).toBeNull();
    expect(suspectConflict(juror({ bundesland: "BW" }), network(), { sameBundeslandCounts: true })?.grounds).toEqual(["BUNDESLAND"]);
    expect(suspectConflict(juror({ bundesland: "BY" }), network(), { sameBundeslandCounts: true })).toBeNull();
  });

  it("lists every ground that matched", () => {
    const found = suspectConflict(juror({ networkIds: ["n"], organisation: "MINT-Region Freiburg", bundesland: "BW", email: "a@mint-freiburg.de" }), network({ memberEmails: ["b@mint-freiburg.de"] }), {
      sameBundeslandCounts: true,
    });
    expect(found?.grounds).toEqual(["MEMBERSHIP", "ORGANISATION", "EMAIL_DOMAIN", "BUNDESLAND"]);
  });
});
