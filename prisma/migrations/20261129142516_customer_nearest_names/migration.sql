-- Written by hand (Prisma's schema cannot express expression indexes, and its diff leaves them
-- alone). "Did you mean": the names nearest a miss come in order from this trigram GiST index
-- (find.ts orders by lower("normalizedName") <-> query with a LIMIT). It is on an expression, not on
-- the column (normalizedName is lower case already), so that the substring searches on
-- "normalizedName" never pick it: a GiST trigram index answers a 1–2 character LIKE by reading all
-- of itself, where the GIN indexes answer in a few pages.
CREATE INDEX "Customer_nearest_name_idx" ON "Customer" USING GIST (lower("normalizedName") gist_trgm_ops);
