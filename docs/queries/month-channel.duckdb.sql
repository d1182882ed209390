-- The review's revenue, cost of goods and marketing by month and channel, from aop's ledger CSV
-- (`aop review --ledger ledger.csv`), in DuckDB. Schema and rules: docs/ledger-csv.md.
-- Run in the ledger's folder: duckdb -c ".read docs/queries/month-channel.duckdb.sql"
-- Amounts are in minor units (VND has none). cogs is the cost of goods of the lines that could be
-- costed, covered_revenue their revenue, uncosted_revenue the rest (the workbook lists those products).
WITH ledger AS (
  -- The rows in the order aop read them (DuckDB keeps a file's order): of two costs of a SKU for the
  -- same day, the later applies.
  SELECT row_number() OVER () AS seq, *
  FROM read_csv('ledger.csv', header = true, all_varchar = true, quote = '"', escape = '"')
),
costs AS (
  SELECT seq, sku, lower(regexp_replace(trim(description), '\s+', ' ', 'g')) AS name_key,
         coalesce(TRY_CAST(date AS DATE), DATE '0001-01-01') AS since, coalesce(date, '') = '' AS undated,
         CAST(amount AS BIGINT) AS unit_cost
  FROM ledger WHERE kind = 'cost'
),
sales AS (
  SELECT seq, CAST(date AS DATE) AS day, channel, sku, CAST(quantity AS BIGINT) AS quantity,
         CAST(amount AS BIGINT) AS amount, TRY_CAST(unit_cost AS BIGINT) AS own_cost,
         lower(regexp_replace(trim(description), '\s+', ' ', 'g')) AS name_key,
         regexp_matches(sku, '^[0-9]+× ') AS is_item_list
  FROM ledger WHERE kind IN ('sale', 'return')
),
-- The name a SKU no cost row lists is costed by: the first the exports gave it; none when they gave
-- it several (which product was sold cannot be told).
sku_name AS (
  SELECT sku, CASE WHEN count(DISTINCT name_key) = 1 THEN arg_min(name_key, seq) END AS name_key
  FROM sales WHERE name_key <> '' AND NOT is_item_list GROUP BY sku
),
-- What each line needs costed: its product (by SKU, else by name), or each item of its list by name.
wanted AS (
  SELECT s.seq, 1 AS item, s.day, abs(s.quantity) AS units, s.sku, k.sku IS NOT NULL AS known, n.name_key
  FROM sales s LEFT JOIN sku_name n USING (sku) LEFT JOIN (SELECT DISTINCT sku FROM costs) k USING (sku)
  WHERE s.own_cost IS NULL AND NOT s.is_item_list
  UNION ALL
  SELECT s.seq, t.item, s.day, CAST(regexp_extract(t.text, '^([0-9]+)× ', 1) AS BIGINT), NULL, false,
         lower(regexp_replace(trim(regexp_replace(t.text, '^[0-9]+× ', '')), '\s+', ' ', 'g'))
  FROM sales s,
       (SELECT unnest(string_split(s.sku, ', ')) AS text, generate_subscripts(string_split(s.sku, ', '), 1) AS item) t
  WHERE s.is_item_list
),
-- The SKUs that can be the product: its own when a cost row lists it, else every SKU the cost rows
-- give its name.
candidates AS (
  SELECT DISTINCT w.seq, w.item, w.day, c.sku
  FROM wanted w JOIN costs c ON (w.known AND c.sku = w.sku) OR (NOT w.known AND c.name_key = w.name_key)
),
-- A SKU's cost on a day: the latest dated cost on or before it, else its latest undated cost.
candidate_cost AS (
  SELECT k.seq, k.item, k.sku, arg_max(c.unit_cost, (NOT c.undated, c.since, c.seq)) AS unit_cost
  FROM candidates k LEFT JOIN costs c ON c.sku = k.sku AND (c.undated OR c.since <= k.day)
  GROUP BY ALL
),
-- Costed when every candidate has a cost on the day and they agree.
item_cost AS (
  SELECT w.seq, w.item, w.units,
         CASE WHEN count(k.sku) > 0 AND count(k.unit_cost) = count(k.sku) AND count(DISTINCT k.unit_cost) = 1
              THEN min(k.unit_cost) END AS unit_cost
  FROM wanted w LEFT JOIN candidate_cost k USING (seq, item)
  GROUP BY ALL
),
-- A line's cost of goods: its own unit cost, or its product's, or (an item list whose items add up to
-- its units) its items'; negative for a return.
line_cogs AS (
  SELECT s.seq,
         CASE WHEN s.own_cost IS NOT NULL THEN s.own_cost * s.quantity
              WHEN bool_and(i.unit_cost IS NOT NULL) AND sum(i.units) = abs(s.quantity)
                THEN sign(s.quantity) * sum(i.units * i.unit_cost) END AS cogs
  FROM sales s LEFT JOIN item_cost i USING (seq)
  GROUP BY s.seq, s.own_cost, s.quantity
),
revenue AS (
  SELECT strftime(s.day, '%Y-%m') AS month, s.channel, sum(s.amount) AS revenue, sum(c.cogs) AS cogs,
         sum(s.amount) FILTER (WHERE c.cogs IS NOT NULL) AS covered_revenue,
         sum(s.amount) FILTER (WHERE c.cogs IS NULL) AS uncosted_revenue
  FROM sales s JOIN line_cogs c USING (seq)
  GROUP BY ALL
),
-- Marketing (`spend` rows) spread over the days each covers in whole units, the units left over to its
-- first days (aop's largest remainder, all days weighing the same).
marketing AS (
  SELECT strftime(first_day + CAST(t.i AS INTEGER), '%Y-%m') AS month, channel,
         sum(sign(amount) * (abs(amount) // days + CASE WHEN t.i < abs(amount) % days THEN 1 ELSE 0 END)) AS marketing
  FROM (
    SELECT channel, CAST(amount AS BIGINT) AS amount, CAST(date AS DATE) AS first_day,
           datediff('day', CAST(date AS DATE), CAST(end_date AS DATE)) + 1 AS days
    FROM ledger WHERE kind = 'spend'
  ) s, range(s.days) AS t(i)
  GROUP BY ALL
)
SELECT month, channel, coalesce(r.revenue, 0) AS revenue, coalesce(r.cogs, 0) AS cogs,
       coalesce(r.covered_revenue, 0) AS covered_revenue, coalesce(r.uncosted_revenue, 0) AS uncosted_revenue,
       coalesce(m.marketing, 0) AS marketing
FROM revenue r FULL JOIN marketing m USING (month, channel)
ORDER BY month, channel;
