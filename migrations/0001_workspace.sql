-- CS Plan workspace schema, version 1. Forward-only: never edit this file once it has landed;
-- add a new numbered migration instead. Money is integer cents; every table is STRICT so a value
-- of the wrong type is refused instead of silently converted.

-- The workspace itself: exactly one row.
CREATE TABLE workspace (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL CHECK (length(name) > 0),
    kind       TEXT NOT NULL CHECK (kind IN ('demo', 'user')),
    created_at TEXT NOT NULL
) STRICT;

-- Small per-workspace preferences, e.g. the scenario that was open last.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- The customer book: the columns of a CRM "Accounts" export (WORKLOADS.md section 0), with ARR in
-- exact cents. Dates are YYYY-MM-DD text; date(x) = x rejects impossible days such as 2025-02-30.
CREATE TABLE accounts (
    -- Any non-empty id: CRM and billing exports each have their own id formats.
    account_id      TEXT PRIMARY KEY NOT NULL CHECK (length(account_id) > 0),
    account_name    TEXT NOT NULL CHECK (length(account_name) > 0),
    arr_cents       INTEGER NOT NULL CHECK (arr_cents >= 0),
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

-- Tier summaries are range aggregates (count and sum of ARR above / between / below the tier
-- bounds); this covering index lets them walk only the index, never the table.
CREATE INDEX accounts_arr ON accounts (arr_cents);

-- CSMs and their quarterly performance history (DATA.md section 2); money in cents.
CREATE TABLE csms (
    csm_id   TEXT PRIMARY KEY NOT NULL CHECK (length(csm_id) > 0),
    csm_name TEXT NOT NULL CHECK (length(csm_name) > 0),
    segment  TEXT NOT NULL CHECK (segment IN ('Enterprise', 'Mid-Market', 'SMB'))
) STRICT;

CREATE TABLE csm_quarters (
    csm_id                TEXT NOT NULL REFERENCES csms (csm_id) ON DELETE CASCADE,
    quarter               TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
    quarter_index         INTEGER NOT NULL CHECK (quarter_index >= 1),
    book_arr_start_cents  INTEGER NOT NULL CHECK (book_arr_start_cents >= 0),
    num_accounts          INTEGER NOT NULL CHECK (num_accounts >= 0),
    renewable_arr_cents   INTEGER NOT NULL CHECK (renewable_arr_cents >= 0),
    renewed_arr_cents     INTEGER NOT NULL CHECK (renewed_arr_cents >= 0),
    churned_arr_cents     INTEGER NOT NULL CHECK (churned_arr_cents >= 0),
    downgraded_arr_cents  INTEGER NOT NULL CHECK (downgraded_arr_cents >= 0),
    expansion_arr_cents   INTEGER NOT NULL CHECK (expansion_arr_cents >= 0),
    expansion_quota_cents INTEGER NOT NULL CHECK (expansion_quota_cents >= 0),
    grr                   REAL NOT NULL,
    nrr                   REAL NOT NULL,
    nps                   INTEGER NOT NULL CHECK (nps BETWEEN -100 AND 100),
    onboarding_days       INTEGER NOT NULL CHECK (onboarding_days >= 0),
    PRIMARY KEY (csm_id, quarter)
) STRICT;

-- Saved capacity scenarios: the tier bounds and every CapacityParams field as columns.
-- Names are unique ignoring case (the store also compares Unicode case before writing).
CREATE TABLE capacity_scenarios (
    id                       INTEGER PRIMARY KEY,
    name                     TEXT NOT NULL UNIQUE COLLATE NOCASE
                             CHECK (length(name) BETWEEN 1 AND 80),
    enterprise_from_cents    INTEGER NOT NULL,
    mid_market_from_cents    INTEGER NOT NULL,
    arr_per_csm_cents        INTEGER NOT NULL,
    csm_activities_per_month REAL NOT NULL,
    days_per_month           REAL NOT NULL,
    hours_per_day            REAL NOT NULL,
    high_touch_below         REAL NOT NULL,
    automated_from           REAL NOT NULL,
    rounding                 TEXT NOT NULL CHECK (rounding IN ('ceiling', 'nearest', 'floor')),
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL
) STRICT;

-- One activity catalogue per segment of a scenario, kept in the user's order. A catalogue may
-- have no activities, so it has a row of its own.
CREATE TABLE capacity_catalogs (
    scenario_id INTEGER NOT NULL REFERENCES capacity_scenarios (id) ON DELETE CASCADE,
    segment     TEXT NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (scenario_id, segment),
    UNIQUE (scenario_id, position)
) STRICT;

CREATE TABLE capacity_activities (
    scenario_id            INTEGER NOT NULL REFERENCES capacity_scenarios (id) ON DELETE CASCADE,
    segment                TEXT NOT NULL,
    position               INTEGER NOT NULL,
    name                   TEXT NOT NULL,
    per_customer_per_month REAL NOT NULL,
    minutes                REAL NOT NULL,
    PRIMARY KEY (scenario_id, segment, position),
    FOREIGN KEY (scenario_id, segment)
        REFERENCES capacity_catalogs (scenario_id, segment) ON DELETE CASCADE
) STRICT;
