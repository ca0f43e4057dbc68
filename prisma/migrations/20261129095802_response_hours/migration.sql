-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "responseHours" INTEGER NOT NULL DEFAULT 24;
