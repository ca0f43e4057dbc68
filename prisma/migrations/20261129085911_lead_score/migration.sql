-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "score" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scoredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "scoreSettings" JSONB;

-- CreateTable
CREATE TABLE "LeadHandoff" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "teamId" INTEGER NOT NULL,
    "ownerId" INTEGER,
    "score" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "offeredAt" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "LeadHandoff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LeadHandoff_teamId_status_deadline_idx" ON "LeadHandoff"("teamId", "status", "deadline");

-- CreateIndex
CREATE INDEX "LeadHandoff_customerId_idx" ON "LeadHandoff"("customerId");

-- CreateIndex
CREATE INDEX "Customer_teamId_score_idx" ON "Customer"("teamId", "score");

-- AddForeignKey
ALTER TABLE "LeadHandoff" ADD CONSTRAINT "LeadHandoff_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
