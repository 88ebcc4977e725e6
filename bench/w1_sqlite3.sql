-- WORKLOADS.md W1 with the sqlite3 shell, for bench/run.sh: the CSV is `.import`ed into a text
-- staging table, then copied into the W1 table (bench/w1_schema.sql) with empty fields as NULL,
-- in one transaction. Run as: sqlite3 DB -cmd ".read bench/w1_schema.sql" < bench/w1_sqlite3.sql
-- with the CSV path in the staging step below replaced by run.sh.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
BEGIN;
CREATE TEMP TABLE staging (account_id, account_name, arr, employees, industry, region, plan,
    contract_start, renewal_date, lifecycle_stage, health_score, nps, active_users, licenses,
    csm_owner, icp_fit);
.import --csv --skip 1 CSV_FILE staging
INSERT INTO accounts
SELECT account_id, account_name, CAST(arr AS REAL), CAST(NULLIF(employees, '') AS INTEGER),
       NULLIF(industry, ''), region, plan, contract_start, renewal_date, lifecycle_stage,
       CAST(health_score AS INTEGER), CAST(NULLIF(nps, '') AS INTEGER),
       CAST(active_users AS INTEGER), CAST(licenses AS INTEGER), NULLIF(csm_owner, ''), icp_fit
FROM staging;
COMMIT;
