-- bench/run.sh: the second snapshot of the metrics benchmark, derived from the first by account number n:
-- every 20th account churns, every 5th expands 10%, every 7th contracts 10%, health and usage
-- drift, and every 50th account has a new sibling account.
INSERT INTO snapshots (as_of, label, source, customers, arr_cents, created_at)
VALUES ('2026-04-01', 'Q2 (derived)', 'bench', 0, 0, '2026-04-01T00:00:00Z');
INSERT INTO snapshot_accounts (snapshot_id, account_id, account_name, arr_cents, health_score, nps,
                               active_users, licenses, renewal_date, csm_owner)
SELECT (SELECT max(id) FROM snapshots), account_id, account_name,
       CASE WHEN n % 20 = 0 THEN 0
            WHEN n % 5 = 1 THEN arr_cents * 11 / 10
            WHEN n % 7 = 2 THEN arr_cents * 9 / 10
            ELSE arr_cents END,
       max(0, min(100, health_score + n % 11 - 5)), nps,
       max(0, active_users - n % 3 + 1), licenses, renewal_date, csm_owner
FROM (SELECT *, CAST(substr(account_id, 5) AS INTEGER) AS n FROM snapshot_accounts
      WHERE snapshot_id = (SELECT min(id) FROM snapshots))
UNION ALL
SELECT (SELECT max(id) FROM snapshots), 'NEW-' || account_id, account_name, arr_cents,
       health_score, nps, active_users, licenses, renewal_date, csm_owner
FROM (SELECT *, CAST(substr(account_id, 5) AS INTEGER) AS n FROM snapshot_accounts
      WHERE snapshot_id = (SELECT min(id) FROM snapshots))
WHERE n % 50 = 3
ORDER BY 2;
UPDATE snapshots SET (customers, arr_cents) = (
    SELECT count(*), coalesce(sum(arr_cents), 0) FROM snapshot_accounts
    WHERE snapshot_id = snapshots.id AND arr_cents > 0)
WHERE id = (SELECT max(id) FROM snapshots);
