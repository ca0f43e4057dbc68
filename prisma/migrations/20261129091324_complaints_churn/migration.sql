-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "complaintEscalateHours" INTEGER NOT NULL DEFAULT 48;

-- CreateTable
CREATE TABLE "Complaint" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "interactionId" INTEGER,
    "openedById" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" INTEGER,
    "resolution" TEXT,
    "escalatedAt" TIMESTAMP(3),

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChurnAlert" (
    "customerId" INTEGER NOT NULL,
    "announcedAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "clearedAt" TIMESTAMP(3),

    CONSTRAINT "ChurnAlert_pkey" PRIMARY KEY ("customerId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_interactionId_key" ON "Complaint"("interactionId");

-- CreateIndex
CREATE INDEX "Complaint_teamId_resolvedAt_idx" ON "Complaint"("teamId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Complaint_customerId_resolvedAt_idx" ON "Complaint"("customerId", "resolvedAt");

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChurnAlert" ADD CONSTRAINT "ChurnAlert_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
