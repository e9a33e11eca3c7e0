import { prisma } from "../db.server";

export interface RateLimit {
  /** What is counted, e.g. `login:email:a@b.de` or `login:ip:127.0.0.1`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt in a fixed window kept in the database, so every app process shares it.
 * One statement, so concurrent attempts cannot both slip under the limit.
 */
export async function countAttempt({ key, limit, windowSeconds }: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const windowStartsAfter = new Date(now.getTime() - windowSeconds * 1000);
  const rows = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."windowStart" <= ${windowStartsAfter} THEN 1 ELSE "RateLimitCounter"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitCounter"."windowStart" <= ${windowStartsAfter} THEN ${now} ELSE "RateLimitCounter"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0]!;
  if (row.count <= limit) return { allowed: true };
  const windowEnds = new Date(row.windowStart).getTime() + windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)) };
}

/** Counts the attempt against every limit; refused if any is exceeded. */
export async function countAttempts(limits: RateLimit[], now = new Date()): Promise<RateLimitResult> {
  let refusal: RateLimitResult = { allowed: true };
  for (const limit of limits) {
    const result = await countAttempt(limit, now);
    if (!result.allowed && (refusal.allowed || result.retryAfterSeconds > refusal.retryAfterSeconds)) refusal = result;
  }
  return refusal;
}

export async function clearAttempts(key: string): Promise<void> {
  await prisma.rateLimitCounter.deleteMany({ where: { key } });
}
