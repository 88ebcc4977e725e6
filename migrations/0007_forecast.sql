-- CS Plan workspace schema, version 7: saved capacity plans over time ("forecast scenarios",
-- DOMAIN.md §1.3 and §1.4). Forward-only: never edit this file once it has landed.

-- A plan's inputs (growth per segment and quarter, ramp, attrition, lead time, costs and the
-- uncertainty distributions) are a small tree that grows with the engine, so they are kept as
-- their canonical JSON text, read back and validated by the domain crate on every load; fields
-- added later read with their documented defaults. The uncertainty distributions are JSON too;
-- the Monte Carlo seed and trial count are columns of their own (and only there), so the same
-- seed and trials give the same bands, bit for bit. Seeds stay within 2^53 - 1 so the UI's
-- numbers carry them exactly.
CREATE TABLE forecast_scenarios (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 80),
    inputs      TEXT NOT NULL CHECK (json_valid(inputs)),
    uncertainty TEXT NOT NULL CHECK (json_valid(uncertainty)),
    seed        INTEGER NOT NULL CHECK (seed BETWEEN 0 AND 9007199254740991),
    trials      INTEGER NOT NULL CHECK (trials BETWEEN 1 AND 1000000),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
