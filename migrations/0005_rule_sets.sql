-- Saved segmentation rule sets (DOMAIN.md section 2) and the rule set a capacity scenario plans
-- over. Forward-only: never edit this file once it has landed.

-- A rule set is a small ordered tree (segments, each with conditions of seven kinds and an
-- activity catalogue), so it is kept as its canonical JSON text: exactly what `csplan rules
-- export --format json` writes, read back and validated by the domain crate on every load.
-- The name column is the source of truth for the name (the JSON's copy is rewritten with it).
CREATE TABLE rule_sets (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 80),
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- NULL: the scenario plans over its ARR tiers (as before); otherwise over that rule set's
-- segments and their activity catalogues. Deleting the rule set falls back to ARR tiers.
ALTER TABLE capacity_scenarios
    ADD COLUMN rule_set_id INTEGER REFERENCES rule_sets (id) ON DELETE SET NULL;
