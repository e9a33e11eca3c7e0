-- Review: the jury of a stage with jurors' profiles and expertise, conflicts of interest declared
-- or found, preferences, assignments released to jurors, reviews scored against the rubric, and
-- the jury's discussion. No screen wrote conflicts, assignments or reviews before, so those tables
-- are rebuilt; jury memberships move from the call to each of its stages.

CREATE TYPE "ConflictSource" AS ENUM ('DECLARED', 'DETECTED');
CREATE TYPE "ConflictStatus" AS ENUM ('SUSPECTED', 'CONFIRMED', 'DISMISSED', 'DECLARED');
CREATE TYPE "PreferenceLevel" AS ENUM ('EAGER', 'WILLING', 'RATHER_NOT');
CREATE TYPE "AssignmentSource" AS ENUM ('AUTOMATIC', 'MANUAL');
CREATE TYPE "Recommendation" AS ENUM ('FUND', 'FUND_WITH_CHANGES', 'DO_NOT_FUND');
CREATE TYPE "Confidence" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

ALTER TABLE "User" ADD COLUMN "organisation" TEXT NOT NULL DEFAULT '';
ALTER TABLE "User" ADD COLUMN "emailDomains" TEXT[];

ALTER TABLE "Call" ADD COLUMN "blindReview" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Call" ADD COLUMN "showJurorNames" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "CallStage" ADD COLUMN "reviewsPerApplication" INTEGER NOT NULL DEFAULT 3;
ALTER TABLE "CallStage" ADD COLUMN "reviewDueAt" TIMESTAMP(3);
ALTER TABLE "CallStage" ADD COLUMN "preferencesOpen" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "CallStage" ADD COLUMN "reminderDaysBefore" INTEGER NOT NULL DEFAULT 3;
ALTER TABLE "CallStage" ADD COLUMN "disagreementThreshold" DOUBLE PRECISION NOT NULL DEFAULT 3;
ALTER TABLE "CallStage" ADD COLUMN "conflictSameBundesland" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "CallStage" ADD COLUMN "eligibilityReleasedAt" TIMESTAMP(3);

ALTER TABLE "Invitation" ADD COLUMN "stageId" TEXT;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "CallStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ExpertiseArea" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExpertiseArea_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ExpertiseArea_programmeId_name_key" ON "ExpertiseArea"("programmeId", "name");
ALTER TABLE "ExpertiseArea" ADD CONSTRAINT "ExpertiseArea_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "JurorExpertise" (
    "userId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    CONSTRAINT "JurorExpertise_pkey" PRIMARY KEY ("userId","areaId")
);
CREATE INDEX "JurorExpertise_areaId_idx" ON "JurorExpertise"("areaId");
ALTER TABLE "JurorExpertise" ADD CONSTRAINT "JurorExpertise_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JurorExpertise" ADD CONSTRAINT "JurorExpertise_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "ExpertiseArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ApplicationTopic" (
    "applicationId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    CONSTRAINT "ApplicationTopic_pkey" PRIMARY KEY ("applicationId","areaId")
);
CREATE INDEX "ApplicationTopic_areaId_idx" ON "ApplicationTopic"("areaId");
ALTER TABLE "ApplicationTopic" ADD CONSTRAINT "ApplicationTopic_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApplicationTopic" ADD CONSTRAINT "ApplicationTopic_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "ExpertiseArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Jury memberships: from the call to each of its stages.
CREATE TEMPORARY TABLE "JuryMembershipOfCall" AS SELECT "callId", "userId", "createdAt" FROM "JuryMembership";
DROP TABLE "JuryMembership";
CREATE TABLE "JuryMembership" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "maxLoad" INTEGER,
    "noConflictsDeclaredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JuryMembership_pkey" PRIMARY KEY ("id")
);
INSERT INTO "JuryMembership" ("id", "callId", "stageId", "userId", "createdAt")
SELECT 'jm' || md5(s."id" || '/' || m."userId"), m."callId", s."id", m."userId", m."createdAt"
FROM "JuryMembershipOfCall" m JOIN "CallStage" s ON s."callId" = m."callId";
DROP TABLE "JuryMembershipOfCall";
CREATE UNIQUE INDEX "JuryMembership_stageId_userId_key" ON "JuryMembership"("stageId", "userId");
CREATE INDEX "JuryMembership_userId_idx" ON "JuryMembership"("userId");
CREATE INDEX "JuryMembership_callId_idx" ON "JuryMembership"("callId");
ALTER TABLE "JuryMembership" ADD CONSTRAINT "JuryMembership_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JuryMembership" ADD CONSTRAINT "JuryMembership_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "CallStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JuryMembership" ADD CONSTRAINT "JuryMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

DROP TABLE "ConflictDeclaration";
CREATE TABLE "Conflict" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "source" "ConflictSource" NOT NULL,
    "status" "ConflictStatus" NOT NULL,
    "grounds" TEXT[],
    "detail" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolutionReason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Conflict_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Conflict_applicationId_jurorId_key" ON "Conflict"("applicationId", "jurorId");
CREATE INDEX "Conflict_jurorId_idx" ON "Conflict"("jurorId");
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ReviewPreference" (
    "applicationId" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "level" "PreferenceLevel" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ReviewPreference_pkey" PRIMARY KEY ("applicationId","jurorId")
);
CREATE INDEX "ReviewPreference_jurorId_idx" ON "ReviewPreference"("jurorId");
ALTER TABLE "ReviewPreference" ADD CONSTRAINT "ReviewPreference_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReviewPreference" ADD CONSTRAINT "ReviewPreference_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

DROP TABLE "Review";
ALTER TABLE "ReviewAssignment" ADD COLUMN "source" "AssignmentSource" NOT NULL DEFAULT 'MANUAL';
ALTER TABLE "ReviewAssignment" ADD COLUMN "releasedAt" TIMESTAMP(3);

CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'assigned',
    "snapshot" JSONB,
    "version" INTEGER NOT NULL DEFAULT 0,
    "scores" JSONB NOT NULL DEFAULT '{}',
    "criterionComments" JSONB NOT NULL DEFAULT '{}',
    "comment" TEXT NOT NULL DEFAULT '',
    "recommendation" "Recommendation",
    "confidence" "Confidence",
    "weightedTotal" DOUBLE PRECISION,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Review_assignmentId_key" ON "Review"("assignmentId");
ALTER TABLE "Review" ADD CONSTRAINT "Review_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ReviewAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "DiscussionPost" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DiscussionPost_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DiscussionPost_applicationId_createdAt_idx" ON "DiscussionPost"("applicationId", "createdAt");
ALTER TABLE "DiscussionPost" ADD CONSTRAINT "DiscussionPost_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DiscussionPost" ADD CONSTRAINT "DiscussionPost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ScheduledRun" (
    "key" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "ScheduledRun_pkey" PRIMARY KEY ("key")
);
