-- A movements file for the 1M-account metrics workspace (bench/run.sh): one row for about one
-- account in ten of its first snapshot (2026-01-01), spread over 2026-Q1, plus 5,000 new logos,
-- so `csplan metrics --movements` has every kind of row to net against a million-account book.
-- Deterministic: the kind follows the account's position in id order.
.headers on
.mode csv
WITH numbered AS (
  SELECT account_id, arr_cents, row_number() OVER (ORDER BY account_id) AS n
  FROM snapshot_accounts WHERE snapshot_id = 1 AND arr_cents > 0
),
picked AS (
  SELECT account_id, n,
         CASE WHEN n % 33 = 0 THEN 'churn'
              WHEN n % 29 = 1 THEN 'expansion'
              WHEN n % 31 = 2 AND arr_cents >= 200 THEN 'contraction' END AS type,
         CASE WHEN n % 33 = 0 THEN arr_cents
              WHEN n % 29 = 1 THEN arr_cents / 10 + 100
              ELSE -(arr_cents / 4) END AS cents
  FROM numbered
),
new_logos(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM new_logos WHERE i < 5000)
SELECT account_id, printf('2026-%02d-%02d', 1 + n % 3, 2 + n % 27) AS date, type,
       printf('%.2f', cents / 100.0) AS amount
FROM picked WHERE type IS NOT NULL
UNION ALL
SELECT printf('NEW-%07d', i), '2026-03-15', 'new', printf('%.2f', 1000 + (i * 37) % 90000)
FROM new_logos;
