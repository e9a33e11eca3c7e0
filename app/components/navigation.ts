import type { MessageKey } from "~/i18n";

export interface NavigationItem {
  to: string;
  label: MessageKey;
  end?: boolean;
}

type Role = "APPLICANT" | "JUROR" | "MANAGER" | "STATE_COORDINATOR" | "ADMIN";

const areaItems: Record<Role, NavigationItem[]> = {
  APPLICANT: [
    { to: "/applicant", label: "applicant.title" },
    { to: "/network", label: "nav.network" },
  ],
  JUROR: [{ to: "/juror", label: "juror.title" }],
  MANAGER: [
    { to: "/manager", label: "manager.title", end: true },
    { to: "/invitations", label: "nav.invitations" },
  ],
  STATE_COORDINATOR: [{ to: "/coordinator", label: "role.STATE_COORDINATOR" }],
  ADMIN: [
    // Programme and account pages live below /admin and keep it marked as the current area.
    { to: "/admin", label: "admin.title" },
    { to: "/invitations", label: "nav.invitations" },
  ],
};

/**
 * The links of the header: public ones, the role's own area, and for administrators the development
 * mailbox where it exists (others reach it only from the machine itself, by its address).
 */
export function navigationFor(role: Role | null, mailbox: boolean): NavigationItem[] {
  const items: NavigationItem[] = [{ to: "/calls", label: "nav.calls" }];
  if (role) items.push(...areaItems[role], { to: "/profile", label: "nav.profile" });
  if (mailbox && role === "ADMIN") items.push({ to: "/dev/mailbox", label: "nav.mailbox" });
  return items;
}

/** The footer's pages every public body's site must have (§ 5 DDG, Art. 13 GDPR, § 12b BGG / BITV 2.0). */
export const legalPages: readonly NavigationItem[] = [
  { to: "/impressum", label: "legal.impressum.title" },
  { to: "/datenschutz", label: "legal.datenschutz.title" },
  { to: "/barrierefreiheit", label: "legal.barrierefreiheit.title" },
];
