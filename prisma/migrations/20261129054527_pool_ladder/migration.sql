-- AlterTable
ALTER TABLE "Team" DROP COLUMN "poolReturnHours";

-- CreateTable
CREATE TABLE "PoolStep" (
    "customerId" INTEGER NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL,
    "step" TEXT NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PoolStep_pkey" PRIMARY KEY ("customerId","assignedAt","step")
);

-- AddForeignKey
ALTER TABLE "PoolStep" ADD CONSTRAINT "PoolStep_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
