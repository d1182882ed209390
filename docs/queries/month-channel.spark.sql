-- The review's revenue, cost of goods and marketing by month and channel, from aop's ledger CSV, in
-- Spark SQL (3.4 or later): the DuckDB query (month-channel.duckdb.sql) clause by clause; its comments
-- say the rules. Register the ledger first, keeping every field as text:
--   CREATE OR REPLACE TEMPORARY VIEW ledger_file USING csv
--     OPTIONS (path 'ledger.csv', header 'true', quote '"', escape '"', multiLine 'true');
-- Read it as one file (one partition) or number its rows in file order another way: which of two costs
-- of a day applies depends on their order.
WITH ledger AS (
  SELECT monotonically_increasing_id() AS seq, * FROM ledger_file
),
costs AS (
  SELECT seq, sku, lower(regexp_replace(trim(description), '\\s+', ' ')) AS name_key,
         coalesce(try_cast(date AS DATE), DATE '0001-01-01') AS since, coalesce(date, '') = '' AS undated,
         CAST(amount AS BIGINT) AS unit_cost
  FROM ledger WHERE kind = 'cost'
),
sales AS (
  SELECT seq, CAST(date AS DATE) AS day, channel, sku, CAST(quantity AS BIGINT) AS quantity,
         CAST(amount AS BIGINT) AS amount, try_cast(unit_cost AS BIGINT) AS own_cost,
         lower(regexp_replace(trim(description), '\\s+', ' ')) AS name_key,
         sku RLIKE '^[0-9]+× ' AS is_item_list
  FROM ledger WHERE kind IN ('sale', 'return')
),
sku_name AS (
  SELECT sku, CASE WHEN count(DISTINCT name_key) = 1 THEN min_by(name_key, seq) END AS name_key
  FROM sales WHERE name_key <> '' AND NOT is_item_list GROUP BY sku
),
wanted AS (
  SELECT s.seq, 1 AS item, s.day, abs(s.quantity) AS units, s.sku, k.sku IS NOT NULL AS known, n.name_key
  FROM sales s LEFT JOIN sku_name n ON n.sku = s.sku LEFT JOIN (SELECT DISTINCT sku FROM costs) k ON k.sku = s.sku
  WHERE s.own_cost IS NULL AND NOT s.is_item_list
  UNION ALL
  SELECT s.seq, t.item, s.day, CAST(regexp_extract(t.text, '^([0-9]+)× ', 1) AS BIGINT), NULL, false,
         lower(regexp_replace(trim(regexp_replace(t.text, '^[0-9]+× ', '')), '\\s+', ' '))
  FROM sales s LATERAL VIEW posexplode(split(s.sku, ', ')) t AS item, text
  WHERE s.is_item_list
),
candidates AS (
  SELECT DISTINCT w.seq, w.item, w.day, c.sku
  FROM wanted w JOIN costs c ON (w.known AND c.sku = w.sku) OR (NOT w.known AND c.name_key = w.name_key)
),
candidate_cost AS (
  SELECT k.seq, k.item, k.sku, max_by(c.unit_cost, struct(NOT c.undated, c.since, c.seq)) AS unit_cost
  FROM candidates k LEFT JOIN costs c ON c.sku = k.sku AND (c.undated OR c.since <= k.day)
  GROUP BY k.seq, k.item, k.sku
),
item_cost AS (
  SELECT w.seq, w.item, w.units,
         CASE WHEN count(k.sku) > 0 AND count(k.unit_cost) = count(k.sku) AND count(DISTINCT k.unit_cost) = 1
              THEN min(k.unit_cost) END AS unit_cost
  FROM wanted w LEFT JOIN candidate_cost k ON k.seq = w.seq AND k.item = w.item
  GROUP BY w.seq, w.item, w.units
),
line_cogs AS (
  SELECT s.seq,
         CASE WHEN s.own_cost IS NOT NULL THEN s.own_cost * s.quantity
              WHEN bool_and(i.unit_cost IS NOT NULL) AND sum(i.units) = abs(s.quantity)
                THEN (CASE WHEN s.quantity < 0 THEN -1 ELSE 1 END) * sum(i.units * i.unit_cost) END AS cogs
  FROM sales s LEFT JOIN item_cost i ON i.seq = s.seq
  GROUP BY s.seq, s.own_cost, s.quantity
),
revenue AS (
  SELECT date_format(s.day, 'yyyy-MM') AS month, s.channel, sum(s.amount) AS revenue, sum(c.cogs) AS cogs,
         sum(s.amount) FILTER (WHERE c.cogs IS NOT NULL) AS covered_revenue,
         sum(s.amount) FILTER (WHERE c.cogs IS NULL) AS uncosted_revenue
  FROM sales s JOIN line_cogs c ON c.seq = s.seq
  GROUP BY ALL
),
marketing AS (
  SELECT date_format(date_add(first_day, i), 'yyyy-MM') AS month, channel,
         sum((CASE WHEN amount < 0 THEN -1 ELSE 1 END)
             * ((abs(amount) div days) + CASE WHEN i < abs(amount) % days THEN 1 ELSE 0 END)) AS marketing
  FROM (
    SELECT channel, CAST(amount AS BIGINT) AS amount, CAST(date AS DATE) AS first_day,
           datediff(CAST(end_date AS DATE), CAST(date AS DATE)) + 1 AS days
    FROM ledger WHERE kind = 'spend'
  ) s LATERAL VIEW explode(sequence(0, days - 1)) t AS i
  GROUP BY ALL
)
SELECT month, channel, coalesce(r.revenue, 0) AS revenue, coalesce(r.cogs, 0) AS cogs,
       coalesce(r.covered_revenue, 0) AS covered_revenue, coalesce(r.uncosted_revenue, 0) AS uncosted_revenue,
       coalesce(m.marketing, 0) AS marketing
FROM revenue r FULL JOIN marketing m USING (month, channel)
ORDER BY month, channel;
