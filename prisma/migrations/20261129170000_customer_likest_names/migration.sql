-- Written by hand (Prisma's schema cannot express functions or expression indexes, and its diff
-- leaves them alone). "Did you mean" for a Latin miss: the names likest the query by the pairs
-- likeness of match.ts (Dice over the distinct 2-character pieces of normalizedName), found through
-- an index. Walking the trigram GiST index (Customer_nearest_name_idx) for the 500 nearest read all
-- of it, some 1,000 pages, on every miss whatever the LIMIT (25 ms at 100,000 customers), and
-- trigram nearness is not the likeness that ranks; it stays for the misses this cannot answer cheaply.
--
-- Each name is indexed by its pieces tagged with how many distinct pieces it has ('ro/14'), so one
-- lookup finds the names of one size holding a given piece. Likeness is 2c/(s+m) for a name of s
-- pieces holding c of the query's m: a name of size s reaches a likeness t only holding
-- c >= t(s+m)/2 of them, and then it holds at least one of any m - c + 1 of the query's pieces (the
-- rarest ones are asked for). crm_grams is the pieces rule of match.ts (pairsOf): keep them in step.
CREATE FUNCTION crm_sized_pairs(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(g || '/' || cardinality(p)), '{}') FROM public.crm_grams(t) AS p, unnest(p) AS g
$$;

CREATE INDEX "Customer_sized_pairs_idx" ON "Customer" USING GIN (crm_sized_pairs("normalizedName")) WITH (gin_pending_list_limit = 64);

-- The `k` likest names (and any as like as the k-th) of at least likeness `bottom`, holding one of
-- `runs` (the query's 3-character runs), among the customers of `team` (null: every team) owned by
-- `owner` or by nobody (null: whoever owns them); `pairs` are the query's distinct pieces.
-- A bar is tried from high to low: one lookup reads, at every size that could reach the bar, the
-- names holding one of the rarest pieces a name of that size must hold to reach it. Once k of them
-- reach the bar, every name as like as the k-th is among those read: exact. Otherwise the next bar is
-- a step lower, or the k-th likeness read if higher (the k-th likest name is at least that like).
-- A high bar asks only for rare pieces, so a word in thousands of names ("robotics") is read only at
-- the sizes where such names could still rank. The rarity order (statistics of Customer_grams_idx)
-- only decides how much is read; without statistics any order is right. Past `budget` names read in
-- all (a query whose likest names are not very like, the pieces it must hold common), the `pool`
-- trigram-nearest names to `nearest` that hold one of `runs` are returned instead, likeness null,
-- for the caller to rank: what "did you mean" read before this function.
CREATE FUNCTION crm_likest_names(pairs text[], runs text[], k int, bottom float8, team int, owner int, budget int, nearest text, pool int)
RETURNS TABLE (id int, likeness float8) LANGUAGE plpgsql STABLE
-- The lookup over all sizes is costed as if each size found 1,000 names (the planner cannot know the
-- pieces), enough to start JIT compiling: 40 ms for a few dozen rows. Its custom plan cost 2 ms to
-- make on each call; the generic one is made once per connection.
SET jit = off SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  m int := cardinality(pairs);
  ranked text[];
  bar float8 := greatest(bottom, 0.8);
  ids int[];
  likes float8[];
  hit record;
  read int := 0;
BEGIN
  IF m = 0 THEN RETURN; END IF;
  SELECT array_agg(q.g ORDER BY coalesce(freq.f, 0), q.i) INTO ranked
  FROM unnest(pairs) WITH ORDINALITY AS q(g, i)
  LEFT JOIN (SELECT u.e, u.f FROM pg_stats st, unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs) AS u(e, f)
             WHERE st.schemaname = current_schema() AND st.tablename = 'Customer_grams_idx') AS freq ON freq.e = q.g;
  LOOP
    ids := '{}';
    likes := '{}';
    FOR hit IN
      -- A name of x pieces holding c of the query's m has likeness 2c/(x+m): at most 2·min(x,m)/(x+m).
      SELECT c."id" AS cid, (2 * (SELECT count(*) FROM unnest(pairs) AS g WHERE strpos(c."normalizedName", g) > 0))::float8 / (x + m) AS d
      FROM generate_series(1, floor(m * (2 - bar) / bar + 1e-9)::int) AS x,
           LATERAL (SELECT ARRAY(SELECT g || '/' || x FROM unnest(ranked[1:m - ceil(bar * (x + m) / 2 - 1e-9)::int + 1]) AS g) AS tokens) AS t,
           LATERAL (SELECT c."id", c."normalizedName" FROM "Customer" c
                    WHERE crm_sized_pairs(c."normalizedName") && t.tokens
                      AND (team IS NULL OR c."teamId" = team) AND (owner IS NULL OR c."ownerId" = owner OR c."ownerId" IS NULL)
                      AND EXISTS (SELECT 1 FROM unnest(runs) AS r WHERE strpos(c."normalizedName", r) > 0)) AS c
      LIMIT budget - read + 1
    LOOP
      read := read + 1;
      IF read > budget THEN
        -- Too many names hold the pieces a name must hold to reach the bar (a long query whose
        -- likest names are not very like): the trigram-nearest names instead, for the caller to rank.
        RETURN QUERY SELECT n."id", NULL::float8 FROM (
            SELECT c."id", c."normalizedName" FROM "Customer" c
            WHERE (team IS NULL OR c."teamId" = team) AND (owner IS NULL OR c."ownerId" = owner OR c."ownerId" IS NULL)
            ORDER BY lower(c."normalizedName") <-> nearest LIMIT pool) AS n
          WHERE EXISTS (SELECT 1 FROM unnest(runs) AS r WHERE strpos(n."normalizedName", r) > 0);
        RETURN;
      END IF;
      IF hit.d >= bottom - 1e-9 THEN
        ids := ids || hit.cid;
        likes := likes || hit.d;
      END IF;
    END LOOP;
    EXIT WHEN bar <= bottom + 1e-9 OR (SELECT count(*) FROM unnest(likes) AS l WHERE l >= bar - 1e-9) >= k;
    bar := greatest(bottom, bar - 0.1, (SELECT l FROM unnest(likes) AS l ORDER BY l DESC OFFSET k - 1 LIMIT 1));
  END LOOP;
  IF cardinality(likes) >= k THEN
    bar := (SELECT l FROM unnest(likes) AS l ORDER BY l DESC OFFSET k - 1 LIMIT 1);
  END IF;
  RETURN QUERY SELECT u.i, u.l FROM unnest(ids, likes) AS u(i, l) WHERE u.l >= bar - 1e-9;
END
$$;

