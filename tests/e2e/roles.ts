import path from "node:path";
import { fileURLToPath } from "node:url";

/** The demo seed's shared password (app/server/startup.server.ts). */
export const DEMO_PASSWORD = "demo-demo-demo";

export type Role = "applicant" | "applicant2" | "juror" | "manager" | "coordinator" | "admin";

export interface DemoAccount {
  email: string;
  /** Where the portal sends this role after logging in (startPageFor). */
  startPage: string;
}

/** One demo account per role; each is logged in once per run, in the global setup. */
export const demoAccounts: Record<Role, DemoAccount> = {
  applicant: { email: "applicant@example.org", startPage: "/applicant" },
  applicant2: { email: "applicant2@example.org", startPage: "/applicant" },
  juror: { email: "juror1@example.org", startPage: "/juror" },
  manager: { email: "manager@example.org", startPage: "/manager" },
  coordinator: { email: "coordinator@example.org", startPage: "/coordinator" },
  admin: { email: "admin@example.org", startPage: "/admin" },
};

export const roles = Object.keys(demoAccounts) as Role[];

/** Outside Playwright's own output folder, which it empties at the start of a run. */
export const storageStateDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results/e2e-auth");

export function storageStatePath(role: Role): string {
  return path.join(storageStateDirectory, `${role}.json`);
}
