-- CreateTable
CREATE TABLE "Intake" (
    "key" TEXT NOT NULL,
    "door" "Door" NOT NULL,
    "invocation" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "leasedBy" TEXT,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Intake_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Intake_leaseUntil_idx" ON "Intake"("leaseUntil");
