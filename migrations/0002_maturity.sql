-- CS Plan workspace schema, version 2: the maturity self-assessment (DOMAIN.md §4.1).
-- Forward-only: never edit this file once it has landed; add a new numbered migration instead.

-- One dated run of the 9-question scorecard. Names are unique ignoring case, like scenarios.
CREATE TABLE maturity_assessments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 80),
    assessed_on TEXT NOT NULL CHECK (date(assessed_on) IS assessed_on),
    created_at  TEXT NOT NULL
) STRICT;

-- The leaders answering it, each on their own. The token is issued at creation and travels in
-- the exported questionnaire: an answers file is merged only if it carries it, so a file cannot
-- be merged into another assessment or under another person's name by mistake.
CREATE TABLE maturity_respondents (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES maturity_assessments (id) ON DELETE CASCADE,
    name          TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 80),
    role          TEXT NOT NULL CHECK (length(role) <= 80),
    token         TEXT NOT NULL
                  CHECK (length(token) = 32 AND token NOT GLOB '*[^0-9a-f]*'),
    UNIQUE (assessment_id, name)
) STRICT;

-- One answer per respondent and question. Unanswered questions have no row.
CREATE TABLE maturity_answers (
    respondent_id INTEGER NOT NULL REFERENCES maturity_respondents (id) ON DELETE CASCADE,
    question      INTEGER NOT NULL CHECK (question BETWEEN 1 AND 9),
    level         TEXT NOT NULL CHECK (level IN ('poor', 'average', 'excellent')),
    evidence      TEXT NOT NULL,
    note          TEXT NOT NULL,
    answered_at   TEXT NOT NULL,
    PRIMARY KEY (respondent_id, question)
) STRICT;
