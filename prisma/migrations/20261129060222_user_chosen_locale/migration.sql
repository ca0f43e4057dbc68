-- AlterTable
ALTER TABLE "User" ADD COLUMN     "chosenLocale" TEXT;
