/**
 * The pure rules by which the portal suspects a conflict of interest between a juror and an
 * application's network. No database here: `conflicts.server.ts` reads the facts and writes the rows.
 */

export type ConflictGround = "MEMBERSHIP" | "ORGANISATION" | "EMAIL_DOMAIN" | "BUNDESLAND";

export interface JurorFacts {
  id: string;
  email: string;
  organisation: string;
  emailDomains: readonly string[];
  bundesland: string | null;
  networkIds: readonly string[];
}

export interface NetworkFacts {
  id: string;
  name: string;
  bundesland: string;
  partners: readonly { name: string; contactEmail: string | null }[];
  memberEmails: readonly string[];
}

export interface SuspectedConflict {
  grounds: ConflictGround[];
  /** What matched, in words (German, the portal's working language; the grounds are shown in the reader's). */
  detail: string;
}

/**
 * Addresses at these providers say nothing about where someone works: two people with a gmx.de
 * address are not colleagues.
 */
const publicMailProviders = new Set([
  "gmail.com", "googlemail.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "gmx.com", "web.de", "t-online.de", "online.de",
  "outlook.com", "outlook.de", "hotmail.com", "hotmail.de", "live.com", "live.de", "msn.com", "yahoo.com", "yahoo.de",
  "icloud.com", "me.com", "mac.com", "aol.com", "aol.de", "freenet.de", "posteo.de", "posteo.net", "mailbox.org",
  "protonmail.com", "proton.me", "arcor.de", "email.de", "mail.de", "vodafone.de", "kabelmail.de", "magenta.de", "1und1.de",
]);

/**
 * Reserved example domains (RFC 2606/6761) name no organisation either; the demo's and the tests'
 * accounts all use them and would otherwise all be in conflict with each other.
 */
function isReservedDomain(domain: string): boolean {
  return ["example.com", "example.net", "example.org"].includes(domain) || /\.(test|example|invalid|localhost)$/.test(domain);
}

/** A domain that can identify an organisation, or null (public provider, reserved, empty). */
export function organisationDomain(domain: string): string | null {
  const clean = domain.trim().toLowerCase().replace(/^@/, "");
  if (!clean || publicMailProviders.has(clean) || isReservedDomain(clean)) return null;
  return clean;
}

export function domainOfEmail(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf("@") ?? -1;
  return at < 0 ? null : organisationDomain(email!.slice(at + 1));
}

/** `informatik.tu-dresden.de` belongs to `tu-dresden.de`; either way round is the same organisation. */
function sameOrganisationDomain(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/**
 * Legal forms at the end of a name, as word sequences after punctuation is gone ("e.V." → "e v");
 * the longest first, so "GmbH & Co. KG" goes as a whole rather than leaving "gmbh co".
 */
const legalFormSuffixes = [
  ["e", "v"], ["ev"], ["ggmbh"], ["gmbh"], ["mbh"], ["gemeinnützige", "gmbh"], ["ug", "haftungsbeschränkt"], ["ug"],
  ["ag"], ["gag"], ["kg"], ["kgaa"], ["ohg"], ["gbr"], ["eg"], ["e", "g"], ["se"], ["aör"], ["kdör"], ["co", "kg"], ["gmbh", "co", "kg"],
].sort((a, b) => b.length - a.length);

/**
 * An organisation's name as compared: lower case, punctuation and repeated spaces gone, legal forms
 * at the end dropped, so "Kita Sonnenschein e. V." and "kita  sonnenschein eV" are the same.
 */
export function normaliseOrganisation(name: string): string {
  const words = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[.,;:()"'„“”‚‘’/&+-]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  let stripped = true;
  while (stripped && words.length > 1) {
    stripped = false;
    for (const suffix of legalFormSuffixes) {
      const tail = words.slice(-suffix.length);
      if (words.length > suffix.length && tail.join(" ") === suffix.join(" ")) {
        words.splice(-suffix.length);
        stripped = true;
        break;
      }
    }
  }
  return words.join(" ");
}

/** The grounds on which a juror may be partial towards a network, or null when nothing matches. */
export function suspectConflict(juror: JurorFacts, network: NetworkFacts, options: { sameBundeslandCounts: boolean }): SuspectedConflict | null {
  const grounds: ConflictGround[] = [];
  const details: string[] = [];

  if (juror.networkIds.includes(network.id)) {
    grounds.push("MEMBERSHIP");
    details.push(`Mitglied des Netzwerks „${network.name}“`);
  }

  const organisation = normaliseOrganisation(juror.organisation);
  if (organisation) {
    const sameName = [{ name: network.name, what: "Netzwerk" }, ...network.partners.map((partner) => ({ name: partner.name, what: "Partner" }))].find(
      (candidate) => normaliseOrganisation(candidate.name) === organisation,
    );
    if (sameName) {
      grounds.push("ORGANISATION");
      details.push(`Organisation „${juror.organisation.trim()}“ = ${sameName.what} „${sameName.name}“`);
    }
  }

  const jurorDomains = [domainOfEmail(juror.email), ...juror.emailDomains.map(organisationDomain)].filter((domain): domain is string => domain !== null);
  const networkDomains = [
    ...network.partners.map((partner) => ({ domain: domainOfEmail(partner.contactEmail), whose: `Partner „${partner.name}“` })),
    ...network.memberEmails.map((email) => ({ domain: domainOfEmail(email), whose: "Mitglied des Netzwerks" })),
  ];
  const domainMatch = jurorDomains
    .flatMap((mine) => networkDomains.filter((theirs) => theirs.domain !== null && sameOrganisationDomain(mine, theirs.domain)).map((theirs) => ({ mine, theirs })))
    .at(0);
  if (domainMatch) {
    grounds.push("EMAIL_DOMAIN");
    details.push(`E-Mail-Domain ${domainMatch.mine} = ${domainMatch.theirs.whose} (${domainMatch.theirs.domain})`);
  }

  if (options.sameBundeslandCounts && juror.bundesland !== null && juror.bundesland === network.bundesland) {
    grounds.push("BUNDESLAND");
    details.push(`gleiches Bundesland (${network.bundesland})`);
  }

  return grounds.length > 0 ? { grounds, detail: details.join("; ") } : null;
}
