-- WORKLOADS.md W1: the accounts table of section 0 (STRICT, primary key on account_id, NOT NULL
-- and CHECK constraints), for the sqlite3 shell's `.import` that bench/run.sh times beside
-- `csplan import accounts`. shared/bench names a schema.sql it does not ship; this one follows
-- the column table of section 0 rule by rule.
CREATE TABLE accounts (
    account_id      TEXT PRIMARY KEY NOT NULL CHECK (account_id GLOB 'ACC-[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    account_name    TEXT NOT NULL,
    arr             REAL NOT NULL CHECK (arr >= 0),
    employees       INTEGER CHECK (employees >= 0),
    industry        TEXT,
    region          TEXT NOT NULL CHECK (region IN ('NA', 'EMEA', 'APAC', 'LATAM')),
    plan            TEXT NOT NULL CHECK (plan IN ('Starter', 'Growth', 'Professional', 'Enterprise')),
    contract_start  TEXT NOT NULL CHECK (date(contract_start) IS contract_start),
    renewal_date    TEXT NOT NULL CHECK (date(renewal_date) IS renewal_date),
    lifecycle_stage TEXT NOT NULL
                    CHECK (lifecycle_stage IN ('onboarding', 'adoption', 'renewal', 'expansion', 'advocacy')),
    health_score    INTEGER NOT NULL CHECK (health_score BETWEEN 0 AND 100),
    nps             INTEGER CHECK (nps BETWEEN 0 AND 10),
    active_users    INTEGER NOT NULL CHECK (active_users >= 0),
    licenses        INTEGER NOT NULL CHECK (licenses >= 0),
    csm_owner       TEXT,
    icp_fit         TEXT NOT NULL CHECK (icp_fit IN ('ideal', 'stretch', 'bad'))
) STRICT;
