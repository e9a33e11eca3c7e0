import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs `npm start`'s script with these settings; it must refuse them before building or serving anything. */
function startWith(settings: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...settings, PORT: "0" };
  delete env.DATABASE_URL;
  // A script that wrongly went on would build and serve: the timeout turns that into a failure.
  return spawnSync(process.execPath, ["scripts/start.mjs"], { env, encoding: "utf8", timeout: 15_000 });
}

describe("npm start with several app processes (WEB_CONCURRENCY)", () => {
  it("refuses more than one process on the embedded database, which serves one process only", () => {
    const result = startWith({ WEB_CONCURRENCY: "2" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("WEB_CONCURRENCY above 1 needs DATABASE_URL");
  });

  it("refuses a number of processes that is not a whole positive number", () => {
    for (const value of ["0", "zwei", "1.5"]) {
      const result = startWith({ WEB_CONCURRENCY: value });
      expect(result.status, value).toBe(1);
      expect(result.stderr, value).toContain(`WEB_CONCURRENCY must be a whole number of processes, not "${value}"`);
    }
  });
});

describe("npm start behind reverse proxies (TRUST_PROXY)", () => {
  it("refuses anything but a number of proxies, so a typo cannot trust every address a client writes", () => {
    for (const value of ["yes", "-1", "1.5"]) {
      const result = startWith({ TRUST_PROXY: value });
      expect(result.status, value).toBe(1);
      expect(result.stderr, value).toContain(`TRUST_PROXY must be the number of reverse proxies in front of the portal, not "${value}"`);
    }
  });
});
