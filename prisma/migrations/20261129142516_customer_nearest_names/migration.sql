-- CreateIndex
CREATE INDEX "Customer_normalizedName_gist_idx" ON "Customer" USING GIST ("normalizedName" gist_trgm_ops);
