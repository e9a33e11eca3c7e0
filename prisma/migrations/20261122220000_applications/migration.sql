-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "networkId" TEXT;
ALTER TABLE "Application" ADD COLUMN "answersRevision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "OutboxAttachment" (
    "id" TEXT NOT NULL,
    "emailId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    CONSTRAINT "OutboxAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxAttachment_emailId_idx" ON "OutboxAttachment"("emailId");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OutboxAttachment" ADD CONSTRAINT "OutboxAttachment_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "OutboxEmail"("id") ON DELETE CASCADE ON UPDATE CASCADE;
