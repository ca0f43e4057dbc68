-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CustomerSource" ADD VALUE 'store';
ALTER TYPE "CustomerSource" ADD VALUE 'event';

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "address" TEXT,
ADD COLUMN     "budgetCurrency" TEXT,
ADD COLUMN     "budgetMaxMinor" BIGINT,
ADD COLUMN     "budgetMinMinor" BIGINT,
ADD COLUMN     "decisionChain" TEXT,
ADD COLUMN     "firstContactOn" DATE,
ADD COLUMN     "founded" TEXT,
ADD COLUMN     "mainBusiness" TEXT,
ADD COLUMN     "needs" TEXT,
ADD COLUMN     "referrer" TEXT;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "customerSources" TEXT[] DEFAULT ARRAY['expo', 'website', 'phone', 'referral', 'outbound', 'partner', 'advertising', 'store', 'event', 'other']::TEXT[];

-- CreateTable
CREATE TABLE "CustomerImport" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "createdById" INTEGER,
    "fileName" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CustomerImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerImport_teamId_createdAt_idx" ON "CustomerImport"("teamId", "createdAt");

-- Customers from before this migration were first contacted, as far as anyone knows, on the team's day they were created.
UPDATE "Customer" SET "firstContactOn" = (("Customer"."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE t."timeZone")::date
FROM "Team" t WHERE t."id" = "Customer"."teamId";
