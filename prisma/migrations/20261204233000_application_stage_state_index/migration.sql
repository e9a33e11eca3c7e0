-- The manager's start page counts the submitted applications of every stage; the unique index on
-- (networkId, stageId) cannot serve a count by stage.
CREATE INDEX "Application_stageId_state_idx" ON "Application"("stageId", "state");
