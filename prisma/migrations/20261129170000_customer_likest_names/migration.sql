-- Written by hand (Prisma's schema cannot express functions or expression indexes, and its diff
-- leaves them alone). "Did you mean" for a Latin miss: the names likest the query by the pairs
-- likeness of match.ts (Dice over the distinct 2-character pieces of normalizedName), found through
-- an index instead of walking the whole trigram GiST index (Customer_nearest_name_idx read all of
-- itself, some 1,000 pages, for every miss: 25 ms at 100,000 customers, and trigram nearness was
-- not the likeness that ranks).
--
-- Each name is indexed by its pieces tagged with how many distinct pieces it has ('ro/14'), so one
-- lookup finds the names of one size holding a given piece. Likeness is 2c/(s+m) for a name of s
-- pieces holding c of the query's m: a name of size s can reach a likeness t only if it holds
-- c >= t(s+m)/2 of them, and then it holds at least one of any m - c + 1 of the query's pieces: the
-- rarest ones, so a word in thousands of names ("robotics") is looked up only at the sizes where
-- the names holding it could still rank. crm_grams is the pieces rule of match.ts (pairsOf): keep
-- them in step.
CREATE FUNCTION crm_sized_pairs(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(g || '/' || cardinality(p)), '{}') FROM public.crm_grams(t) AS p, unnest(p) AS g
$$;

CREATE INDEX "Customer_sized_pairs_idx" ON "Customer" USING GIN (crm_sized_pairs("normalizedName")) WITH (gin_pending_list_limit = 64);

-- The `k` likest names (and any as like as the k-th) of at least likeness `bottom`, holding one of
-- `runs` (the query's 3-character runs), among the customers of `team` (null: every team) owned by
-- `owner` or by nobody (null: whoever owns them); `pairs` are the query's distinct pieces. Sizes
-- are visited best bound first (2·min(s,m)/(s+m)), one at a time until k names are found, then all
-- the sizes left in one lookup: the bar is then the k-th likeness found, and each size asks only for
-- the rarest pieces a name of that size must hold to reach it. Exact: every name at least as like
-- as the k-th is returned (the rarity order, from the statistics of Customer_grams_idx, only decides
-- how much is read; without statistics any order is right).
CREATE FUNCTION crm_likest_names(pairs text[], runs text[], k int, bottom float8, team int, owner int)
RETURNS TABLE (id int, likeness float8) LANGUAGE plpgsql STABLE
-- The lookup of all sizes at once is costed as if each size found 1,000 names (the planner cannot
-- know the pieces), enough to start JIT compiling: 40 ms for a few dozen rows.
SET jit = off SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  m int := cardinality(pairs);
  ranked text[];
  bar float8 := bottom;
  ids int[] := '{}';
  likes float8[] := '{}';
  sizes int[];
  s int;
  hit record;
BEGIN
  IF m = 0 THEN RETURN; END IF;
  SELECT array_agg(q.g ORDER BY coalesce(freq.f, 0), q.i) INTO ranked
  FROM unnest(pairs) WITH ORDINALITY AS q(g, i)
  LEFT JOIN (SELECT u.e, u.f FROM pg_stats st, unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs) AS u(e, f)
             WHERE st.schemaname = current_schema() AND st.tablename = 'Customer_grams_idx') AS freq ON freq.e = q.g;
  sizes := ARRAY(SELECT x FROM generate_series(1, floor(m * (2 - bottom) / bottom)::int) AS x ORDER BY 2.0 * least(x, m) / (x + m) DESC, x);
  WHILE cardinality(sizes) > 0 AND 2.0 * least(sizes[1], m) / (sizes[1] + m) >= bar - 1e-9 LOOP
    IF cardinality(likes) >= k THEN
      s := cardinality(sizes);  -- the bar is known: every size left at once
    ELSE
      s := 1;
    END IF;
    FOR hit IN
      SELECT c."id" AS cid, (2 * (SELECT count(*) FROM unnest(pairs) AS g WHERE strpos(c."normalizedName", g) > 0))::float8 / (x + m) AS d
      FROM unnest(sizes[1:s]) AS x,
           LATERAL (SELECT ARRAY(SELECT g || '/' || x FROM unnest(ranked[1:m - ceil(bar * (x + m) / 2 - 1e-9)::int + 1]) AS g) AS tokens) AS t,
           LATERAL (SELECT c."id", c."normalizedName" FROM "Customer" c
                    WHERE crm_sized_pairs(c."normalizedName") && t.tokens
                      AND (team IS NULL OR c."teamId" = team) AND (owner IS NULL OR c."ownerId" = owner OR c."ownerId" IS NULL)
                      AND EXISTS (SELECT 1 FROM unnest(runs) AS r WHERE strpos(c."normalizedName", r) > 0)) AS c
    LOOP
      IF hit.d >= bottom - 1e-9 THEN
        ids := ids || hit.cid;
        likes := likes || hit.d;
      END IF;
    END LOOP;
    sizes := sizes[s + 1:];
    IF cardinality(likes) >= k THEN
      bar := greatest(bottom, (SELECT l FROM unnest(likes) AS l ORDER BY l DESC OFFSET k - 1 LIMIT 1));
    END IF;
  END LOOP;
  RETURN QUERY SELECT u.i, u.l FROM unnest(ids, likes) AS u(i, l) WHERE u.l >= bar - 1e-9;
END
$$;

DROP INDEX "Customer_nearest_name_idx";
