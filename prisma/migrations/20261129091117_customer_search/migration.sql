-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Contact_name_trgm_idx" ON "Contact" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_normalizedPhone_trgm_idx" ON "Contact" USING GIN ("normalizedPhone" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_name_trgm_idx" ON "Customer" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_normalizedName_trgm_idx" ON "Customer" USING GIN ("normalizedName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_code_trgm_idx" ON "Customer" USING GIN ("code" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_aliases_idx" ON "Customer" USING GIN ("aliases");

-- Written by hand (Prisma's schema cannot express functions or expression indexes, and its diff
-- leaves them alone). Trigrams need three characters; Chinese names are searched by two ('华为',
-- '腾飞', the start of every Chinese /log). These indexes answer 1–2 character substring searches:
-- every 2-character piece (a 1-character text itself) of the lower-cased names, the folded name and
-- the aliases (functions named with their schema: PostgreSQL 17 builds indexes with a bare
-- search_path). find.ts recomputes the same expression in its WHERE clause, so keep them in step.
CREATE FUNCTION crm_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT CASE WHEN length(t) < 2 THEN t ELSE substr(t, i, 2) END), '{}')
  FROM generate_series(1, greatest(length(t) - 1, 1)) AS i
  WHERE t <> ''
$$;

CREATE FUNCTION crm_customer_grams(name text, normalized text, aliases text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM unnest(array_prepend(lower(name), array_prepend(lower(normalized), coalesce(aliases, '{}')))) AS v, unnest(public.crm_grams(lower(v))) AS g
$$;

CREATE INDEX "Customer_grams_idx" ON "Customer" USING GIN (crm_customer_grams("name", "normalizedName", "aliases"));
CREATE INDEX "Contact_name_grams_idx" ON "Contact" USING GIN (crm_grams(lower("name")));
