import { prisma } from "../db.server";

export interface RateLimit {
  /** What is counted, e.g. `login:account:a@b.de` or `login:address:127.0.0.1`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** One attempt as it was counted: enough to take exactly it back later (`refundAttempts`). */
export interface CountedAttempt {
  key: string;
  windowStart: Date;
}

/**
 * Counts one attempt in a fixed window kept in the database, so every app process shares it.
 * One statement, so concurrent attempts cannot both slip under the limit.
 */
export async function countAttempt({ key, limit, windowSeconds }: RateLimit, now = new Date()): Promise<{ result: RateLimitResult; counted: CountedAttempt }> {
  const windowStartsAfter = new Date(now.getTime() - windowSeconds * 1000);
  const rows = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."windowStart" <= ${windowStartsAfter} THEN 1 ELSE "RateLimitCounter"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitCounter"."windowStart" <= ${windowStartsAfter} THEN ${now} ELSE "RateLimitCounter"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0]!;
  const counted = { key, windowStart: new Date(row.windowStart) };
  if (row.count <= limit) return { result: { allowed: true }, counted };
  const windowEnds = counted.windowStart.getTime() + windowSeconds * 1000;
  return { result: { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)) }, counted };
}

/** Counts the attempt against every limit; refused if any is exceeded, with the longest wait. */
export async function countAttempts(limits: RateLimit[], now = new Date()): Promise<{ result: RateLimitResult; counted: CountedAttempt[] }> {
  let refusal: RateLimitResult = { allowed: true };
  const counted: CountedAttempt[] = [];
  for (const limit of limits) {
    const { result, counted: attempt } = await countAttempt(limit, now);
    counted.push(attempt);
    if (!result.allowed && (refusal.allowed || result.retryAfterSeconds > refusal.retryAfterSeconds)) refusal = result;
  }
  return { result: refusal, counted };
}

/**
 * Takes back attempts that turned out not to count against anyone (a login with the right password):
 * each counter goes down by one, and only in the window the attempt was counted in. Counting first
 * and refunding after keeps the single-statement guard against concurrent guesses, while only failures
 * remain; a refund never touches the failures of other attempts.
 */
export async function refundAttempts(counted: readonly CountedAttempt[]): Promise<void> {
  for (const { key, windowStart } of counted) {
    await prisma.rateLimitCounter.updateMany({ where: { key, windowStart, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
  }
}
