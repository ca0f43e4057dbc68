-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "scoreSettingsAt" TIMESTAMP(3);
