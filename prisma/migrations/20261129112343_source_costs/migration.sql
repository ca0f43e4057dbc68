-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "sourceCosts" JSONB;
