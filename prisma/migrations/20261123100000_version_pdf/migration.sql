-- The PDF of a submitted version is rendered after the submission (by the outbox worker, or on
-- download) from the version alone. Versions submitted before keep NULL and fall back to today's
-- form, names and files.
ALTER TABLE "ApplicationVersion" ADD COLUMN "frozenFacts" JSONB;

-- A mail's PDF is queued as a reference to its version; the worker stores the rendered bytes.
ALTER TABLE "OutboxAttachment" ALTER COLUMN "content" DROP NOT NULL;
ALTER TABLE "OutboxAttachment" ADD COLUMN "applicationVersionId" TEXT;

-- CreateIndex
CREATE INDEX "OutboxAttachment_applicationVersionId_idx" ON "OutboxAttachment"("applicationVersionId");

-- AddForeignKey
ALTER TABLE "OutboxAttachment" ADD CONSTRAINT "OutboxAttachment_applicationVersionId_fkey" FOREIGN KEY ("applicationVersionId") REFERENCES "ApplicationVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
