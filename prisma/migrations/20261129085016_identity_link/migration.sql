-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastDoor" "Platform",
ADD COLUMN     "mergedIntoId" INTEGER,
ADD COLUMN     "notifyDoor" "Platform",
ADD COLUMN     "quietEndMinute" INTEGER,
ADD COLUMN     "quietStartMinute" INTEGER;

-- CreateTable
CREATE TABLE "LinkCode" (
    "codeHash" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkCode_pkey" PRIMARY KEY ("codeHash")
);

-- CreateIndex
CREATE INDEX "LinkCode_userId_idx" ON "LinkCode"("userId");
