-- CreateEnum
CREATE TYPE "NoticeFate" AS ENUM ('posted', 'folded', 'held');

-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'held';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "about" TEXT,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "fate" "NoticeFate",
ADD COLUMN     "folded" JSONB,
ADD COLUMN     "foldedIntoId" INTEGER,
ADD COLUMN     "listedFor" TIMESTAMP(3),
ADD COLUMN     "posted" JSONB,
ADD COLUMN     "recipientId" INTEGER;

-- CreateIndex
CREATE INDEX "OutboxMessage_recipientId_fate_decidedAt_idx" ON "OutboxMessage"("recipientId", "fate", "decidedAt");
