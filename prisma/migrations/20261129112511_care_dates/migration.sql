-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "birthday" TEXT;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "holidays" JSONB;
