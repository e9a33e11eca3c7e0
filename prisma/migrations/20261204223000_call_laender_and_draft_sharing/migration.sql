-- A call may be limited to networks from some Länder (the zdi seal is for NRW networks). Prisma
-- renders scalar lists without NOT NULL; NULL and the empty list both mean "networks from
-- everywhere", so existing calls stay open to all.
ALTER TABLE "Call" ADD COLUMN "openToBundeslaender" "Bundesland"[];

-- Managers read a draft's content only once it is submitted, or while the network shares it with them.
ALTER TABLE "Application" ADD COLUMN "sharedWithManagersAt" TIMESTAMP(3);
