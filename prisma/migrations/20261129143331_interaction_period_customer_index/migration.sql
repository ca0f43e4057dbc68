-- DropIndex
DROP INDEX "Interaction_occurredAt_idx";

-- CreateIndex
CREATE INDEX "Interaction_occurredAt_customerId_idx" ON "Interaction"("occurredAt", "customerId");
