-- Digest messages are outbox rows now (OutboxMessage, key job:<run>:<recipient>), delivered like every
-- owed message. A run left unfinished by the previous release is still "running": it is taken over
-- after its lease and planned into the outbox.
-- DropForeignKey
ALTER TABLE "JobDelivery" DROP CONSTRAINT "JobDelivery_runId_fkey";

-- DropTable
DROP TABLE "JobDelivery";
