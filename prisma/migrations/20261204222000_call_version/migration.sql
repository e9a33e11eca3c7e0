-- The call's status is changed by the generic state-change runner, which refuses a change based on
-- an outdated page (a second "close" from a stale page or a double click) by the row's version.
-- The call machine keeps no context, so the status column stays its whole state: no snapshot column.
ALTER TABLE "Call" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
