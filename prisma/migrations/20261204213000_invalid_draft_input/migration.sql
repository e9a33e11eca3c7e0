-- Input that failed its field's rule is kept as typed beside the draft's answers, so one invalid
-- field no longer stops the others from being saved, and nothing typed is lost on a reload.
ALTER TABLE "Application" ADD COLUMN "invalidInput" JSONB NOT NULL DEFAULT '[]';
