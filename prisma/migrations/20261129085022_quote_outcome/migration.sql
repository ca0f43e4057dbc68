-- CreateEnum
CREATE TYPE "QuoteOutcome" AS ENUM ('accepted', 'negotiating', 'rejected');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "dealAt" TIMESTAMP(3),
ADD COLUMN     "dealCurrency" TEXT,
ADD COLUMN     "dealValueMinor" BIGINT;

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "outcome" "QuoteOutcome",
ADD COLUMN     "outcomeAt" TIMESTAMP(3),
ADD COLUMN     "outcomeById" INTEGER,
ADD COLUMN     "outcomeReason" TEXT;
