-- Written by hand (Prisma's schema cannot express index storage parameters, and its diff leaves
-- them alone). A GIN index gathers new entries in a pending list that every search reads whole,
-- until a vacuum (or the list reaching gin_pending_list_limit, 4 MB by default) merges it into the
-- index. After a bulk import the fuzzy find read about 350 pending pages per index on every search
-- (phone digits 26 ms, "did you mean" 250 ms at 100,000 customers). 64 kB bounds that to 8 pages a
-- search while inserts still go in batches; the lists already there are merged now.
ALTER INDEX "Customer_name_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Customer_normalizedName_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Customer_code_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Customer_aliases_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Customer_grams_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Contact_name_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Contact_normalizedPhone_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Contact_name_grams_idx" SET (gin_pending_list_limit = 64);

SELECT gin_clean_pending_list(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
WHERE a.amname = 'gin' AND i.indrelid IN ('"Customer"'::regclass, '"Contact"'::regclass);
