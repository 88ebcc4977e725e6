-- CS Plan workspace schema, version 3: compensation (DOMAIN.md §3) — saved comp plans with every
-- saved version kept, and the extra numeric history columns that plan measures may pay on.
-- Forward-only: never edit this file once it has landed; add a new numbered migration instead.

-- A named comp plan. Names are unique ignoring case, like scenarios and assessments.
CREATE TABLE comp_plans (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 80),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Every saved version of a plan as the TOML text of its plan file, so each one can be read,
-- compared or exported as it was; the highest version is the plan in use.
CREATE TABLE comp_plan_versions (
    plan_id  INTEGER NOT NULL REFERENCES comp_plans (id) ON DELETE CASCADE,
    version  INTEGER NOT NULL CHECK (version >= 1),
    toml     TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (plan_id, version)
) STRICT;

-- History columns beyond DATA.md section 2 (e.g. logo_retention), one row per CSM, quarter and
-- column; a value left empty in the imported file has no row.
CREATE TABLE csm_quarter_extras (
    csm_id  TEXT NOT NULL,
    quarter TEXT NOT NULL,
    name    TEXT NOT NULL CHECK (length(name) > 0),
    value   REAL NOT NULL,
    PRIMARY KEY (csm_id, quarter, name),
    FOREIGN KEY (csm_id, quarter) REFERENCES csm_quarters (csm_id, quarter) ON DELETE CASCADE
) STRICT;
