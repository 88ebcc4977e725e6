-- CS Plan workspace schema, version 4: account imports from messy CRM and billing exports
-- (issue #3 part 1): custom fields, the record of every import, the before-images that make an
-- import undoable, and the column mappings saved per export. Forward-only: never edit this file
-- once it has landed; add a new numbered migration instead.

-- The accounts table again, with two columns more and the same rules written so SQLite checks
-- them fast: version 1's `x IN ('a', 'b')` CHECKs make SQLite build a temporary index for every
-- row written (3.8 s of a million-row import against 1.4 s for the same rules as OR chains,
-- measured with the sqlite3 shell). Rebuilt the way SQLite's ALTER TABLE documentation shows
-- (new table, copy, drop, rename); no other table, view or trigger refers to accounts.
CREATE TABLE accounts_v4 (
    -- Any non-empty id: CRM and billing exports each have their own id formats.
    account_id      TEXT PRIMARY KEY NOT NULL CHECK (account_id <> ''),
    account_name    TEXT NOT NULL CHECK (account_name <> ''),
    arr_cents       INTEGER NOT NULL CHECK (arr_cents >= 0),
    employees       INTEGER CHECK (employees >= 0),
    industry        TEXT,
    region          TEXT NOT NULL
                    CHECK (region = 'NA' OR region = 'EMEA' OR region = 'APAC' OR region = 'LATAM'),
    plan            TEXT NOT NULL
                    CHECK (plan = 'Starter' OR plan = 'Growth' OR plan = 'Professional'
                           OR plan = 'Enterprise'),
    -- Dates: the shape YYYY-MM-DD, checked with GLOB. The import (and every other writer) has
    -- already rejected impossible dates such as 2025-02-30 with the line and column; this guard
    -- keeps anything that is not an ISO date out of the table at a fraction of the cost of
    -- version 1's `date(x) IS x`, which parses both dates of every row (4.6% of the SQLite
    -- thread's samples in a million-row import).
    contract_start  TEXT NOT NULL
                    CHECK (contract_start GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    renewal_date    TEXT NOT NULL
                    CHECK (renewal_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    lifecycle_stage TEXT NOT NULL
                    CHECK (lifecycle_stage = 'onboarding' OR lifecycle_stage = 'adoption'
                           OR lifecycle_stage = 'renewal' OR lifecycle_stage = 'expansion'
                           OR lifecycle_stage = 'advocacy'),
    health_score    INTEGER NOT NULL CHECK (health_score BETWEEN 0 AND 100),
    nps             INTEGER CHECK (nps BETWEEN 0 AND 10),
    active_users    INTEGER NOT NULL CHECK (active_users >= 0),
    licenses        INTEGER NOT NULL CHECK (licenses >= 0),
    csm_owner       TEXT,
    icp_fit         TEXT NOT NULL CHECK (icp_fit = 'ideal' OR icp_fit = 'stretch' OR icp_fit = 'bad'),
    -- The export's extra columns, as a JSON object of text values keyed by the file's header
    -- (segmentation's custom-field conditions read them). NULL when the file had none.
    custom_fields   TEXT CHECK (custom_fields IS NULL OR json_valid(custom_fields)),
    -- The import that created the account (NULL for the demo company and earlier imports).
    -- Undoing that import removes exactly these accounts. No index: undo is rare, and an index
    -- would cost every bulk import a second B-tree to fill.
    added_by_import INTEGER
) STRICT;

INSERT INTO accounts_v4 (account_id, account_name, arr_cents, employees, industry, region, plan,
                         contract_start, renewal_date, lifecycle_stage, health_score, nps,
                         active_users, licenses, csm_owner, icp_fit)
SELECT account_id, account_name, arr_cents, employees, industry, region, plan, contract_start,
       renewal_date, lifecycle_stage, health_score, nps, active_users, licenses, csm_owner, icp_fit
FROM accounts;

DROP TABLE accounts;
ALTER TABLE accounts_v4 RENAME TO accounts;

-- As in version 1: tier summaries walk only this covering index.
CREATE INDEX accounts_arr ON accounts (arr_cents);

-- One row per finished import. A cancelled or rejected import writes nothing, not even this.
CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    file_name     TEXT NOT NULL,
    source_kind   TEXT NOT NULL CHECK (source_kind IN ('csv', 'xlsx')),
    sheet         TEXT,
    -- The saved mapping's name, when the import used or saved one under a name.
    mapping_name  TEXT,
    -- The mapping used, as JSON (column header -> target), so the record says how it was read.
    mapping       TEXT NOT NULL CHECK (json_valid(mapping)),
    date_order    TEXT CHECK (date_order IN ('mdy', 'dmy')),
    started_at    TEXT NOT NULL,
    finished_at   TEXT NOT NULL,
    rows_added    INTEGER NOT NULL CHECK (rows_added >= 0),
    rows_updated  INTEGER NOT NULL CHECK (rows_updated >= 0),
    rows_rejected INTEGER NOT NULL CHECK (rows_rejected >= 0),
    undone_at     TEXT
) STRICT;

-- The accounts an import updated, exactly as they were before it (every column), written in the
-- import's own transaction; undo puts them back. Copies of rows the accounts table already
-- checked, so no CHECK constraints here.
CREATE TABLE import_before_images (
    import_id       INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    account_id      TEXT NOT NULL,
    account_name    TEXT NOT NULL,
    arr_cents       INTEGER NOT NULL,
    employees       INTEGER,
    industry        TEXT,
    region          TEXT NOT NULL,
    plan            TEXT NOT NULL,
    contract_start  TEXT NOT NULL,
    renewal_date    TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL,
    health_score    INTEGER NOT NULL,
    nps             INTEGER,
    active_users    INTEGER NOT NULL,
    licenses        INTEGER NOT NULL,
    csm_owner       TEXT,
    icp_fit         TEXT NOT NULL,
    custom_fields   TEXT,
    added_by_import INTEGER,
    PRIMARY KEY (import_id, account_id)
) STRICT;

-- Column mappings remembered per export: by the file's normalised header signature (name NULL,
-- the latest mapping used for those headers) or under a name the user gave.
CREATE TABLE import_mappings (
    id         INTEGER PRIMARY KEY,
    name       TEXT UNIQUE COLLATE NOCASE CHECK (name IS NULL OR length(name) BETWEEN 1 AND 80),
    signature  TEXT NOT NULL,
    headers    TEXT NOT NULL CHECK (json_valid(headers)),
    mapping    TEXT NOT NULL CHECK (json_valid(mapping)),
    updated_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX import_mappings_by_signature ON import_mappings (signature) WHERE name IS NULL;
