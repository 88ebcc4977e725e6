-- Dated snapshots of the customer book (issue 7): each snapshot keeps, per account, what the
-- metrics of DOMAIN.md §5 and the early warning of §6.7 need, so any period between two
-- snapshots can be measured later. Forward-only: never edit this file once it has landed.

CREATE TABLE snapshots (
    id         INTEGER PRIMARY KEY,
    -- The day the book was as it is recorded here (YYYY-MM-DD, a real day).
    as_of      TEXT NOT NULL CHECK (date(as_of) IS as_of),
    label      TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
    -- Where the rows came from: 'workspace' (the accounts table), a CSV file name, or 'demo'.
    source     TEXT NOT NULL CHECK (length(source) > 0),
    -- Customers (ARR above zero) and their ARR, kept so listing snapshots reads no rows.
    customers  INTEGER NOT NULL CHECK (customers >= 0),
    arr_cents  INTEGER NOT NULL CHECK (arr_cents >= 0),
    created_at TEXT NOT NULL
) STRICT;

-- A period looks its snapshots up by date.
CREATE INDEX snapshots_as_of ON snapshots (as_of, id);

-- One row per account per snapshot, keyed by snapshot first so a snapshot is one contiguous
-- range: the period diff joins two such ranges on account_id, and a delete removes one range.
CREATE TABLE snapshot_accounts (
    snapshot_id  INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    account_id   TEXT NOT NULL CHECK (length(account_id) > 0),
    account_name TEXT NOT NULL,
    arr_cents    INTEGER NOT NULL CHECK (arr_cents >= 0),
    health_score INTEGER NOT NULL CHECK (health_score BETWEEN 0 AND 100),
    nps          INTEGER CHECK (nps BETWEEN 0 AND 10),
    active_users INTEGER NOT NULL CHECK (active_users >= 0),
    licenses     INTEGER NOT NULL CHECK (licenses >= 0),
    renewal_date TEXT NOT NULL CHECK (date(renewal_date) IS renewal_date),
    csm_owner    TEXT,
    PRIMARY KEY (snapshot_id, account_id)
) STRICT, WITHOUT ROWID;

-- Revenue movements from a movements file (account, date, type, amount), one row per line.
CREATE TABLE revenue_movements (
    id           INTEGER PRIMARY KEY,
    account_id   TEXT NOT NULL CHECK (length(account_id) > 0),
    happened_on  TEXT NOT NULL CHECK (date(happened_on) IS happened_on),
    kind         TEXT NOT NULL
                 CHECK (kind IN ('new', 'expansion', 'contraction', 'churn', 'reactivation')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    source       TEXT NOT NULL
) STRICT;

CREATE INDEX revenue_movements_date ON revenue_movements (happened_on);
