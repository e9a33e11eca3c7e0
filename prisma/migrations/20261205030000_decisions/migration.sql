-- Ranking and decisions (issue 9): the ranking's basis per stage, the shortlist mark, decisions that
-- stay internal until released, the call's exception limit and acceptance period, and editable outcome mails.
CREATE TYPE "RankingBasis" AS ENUM ('RAW', 'STANDARDISED', 'LENIENCY');
CREATE TYPE "OutcomeMailKind" AS ENUM ('AWARD', 'SUPPORT_AWARD', 'WAITLIST', 'REJECTION', 'INVITATION', 'NOT_ELIGIBLE');

ALTER TABLE "Call" ADD COLUMN "awardExceptionMaxCents" BIGINT,
  ADD COLUMN "acceptanceDays" INTEGER NOT NULL DEFAULT 21;
ALTER TABLE "CallStage" ADD COLUMN "rankingBasis" "RankingBasis" NOT NULL DEFAULT 'RAW';
ALTER TABLE "Application" ADD COLUMN "shortlistedAt" TIMESTAMP(3);

-- The shortlist was a state; it is now a mark beside the review state.
UPDATE "Application"
SET "shortlistedAt" = "updatedAt", "state" = 'inReview',
    "snapshot" = jsonb_set("snapshot", '{value}', '"inReview"')
WHERE "state" = 'shortlisted';

ALTER TABLE "Decision" DROP COLUMN "justification",
  DROP COLUMN "notifiedAt",
  ADD COLUMN "supportDescription" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "conditions" TEXT[],
  ADD COLUMN "reason" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "feedback" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "exceptionJustification" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "overBudgetConfirmed" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "sharedReviewIds" TEXT[],
  ADD COLUMN "rankingBasis" "RankingBasis" NOT NULL DEFAULT 'RAW',
  ADD COLUMN "rank" INTEGER,
  ADD COLUMN "score" DOUBLE PRECISION,
  ADD COLUMN "supersededAt" TIMESTAMP(3),
  ADD COLUMN "releasedAt" TIMESTAMP(3),
  ADD COLUMN "releasedById" TEXT,
  ADD COLUMN "acceptBy" TIMESTAMP(3),
  ADD COLUMN "response" TEXT,
  ADD COLUMN "respondedAt" TIMESTAMP(3);
ALTER TABLE "Decision" ALTER COLUMN "rankingBasis" DROP DEFAULT;
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_releasedById_fkey" FOREIGN KEY ("releasedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "OutcomeMailTemplate" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "kind" "OutcomeMailKind" NOT NULL,
    "locale" "Locale" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "OutcomeMailTemplate_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OutcomeMailTemplate_callId_kind_locale_key" ON "OutcomeMailTemplate"("callId", "kind", "locale");
ALTER TABLE "OutcomeMailTemplate" ADD CONSTRAINT "OutcomeMailTemplate_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OutcomeMailTemplate" ADD CONSTRAINT "OutcomeMailTemplate_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
