-- When a send began whose answer never came: a mail is repeated only within the provider's
-- idempotency window (docs/decisions/016-lifecycle-and-mail-leases.md).
ALTER TABLE "OutboxEmail" ADD COLUMN "unansweredSendAt" TIMESTAMP(3);
