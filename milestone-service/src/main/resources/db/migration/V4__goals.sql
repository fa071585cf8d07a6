-- Goals that span years: a final target (by a fiscal year, or by a date that may lie beyond the
-- programme) and yearly checkpoints within the programme, which milestones of those years implement.
-- A goal is defined once and never changes, so every projection made from it can be recomputed.
CREATE TABLE goal (
    id                UUID PRIMARY KEY,
    programme_id      UUID           NOT NULL,
    code              TEXT           NOT NULL,
    title             TEXT           NOT NULL,
    metric            TEXT           NOT NULL,
    unit              TEXT           NOT NULL,
    direction         TEXT           NOT NULL CHECK (direction IN ('AT_LEAST', 'AT_MOST')),
    final_target      NUMERIC(24, 6) NOT NULL CHECK (final_target >= 0),
    final_threshold   NUMERIC(24, 6) NOT NULL,
    final_fiscal_year INT,
    final_date        DATE,
    created_by        TEXT           NOT NULL,
    created_at        TIMESTAMPTZ    NOT NULL,
    CONSTRAINT goal_unique_code UNIQUE (programme_id, code),
    CONSTRAINT goal_final_once CHECK ((final_fiscal_year IS NULL) <> (final_date IS NULL)),
    CONSTRAINT goal_threshold_side CHECK (
        (direction = 'AT_LEAST' AND final_threshold <= final_target)
        OR (direction = 'AT_MOST' AND final_threshold >= final_target))
);

CREATE TABLE goal_checkpoint (
    goal_id     UUID           NOT NULL REFERENCES goal (id),
    position    INT            NOT NULL,
    fiscal_year INT            NOT NULL,
    target      NUMERIC(24, 6) NOT NULL CHECK (target >= 0),
    PRIMARY KEY (goal_id, position),
    CONSTRAINT goal_checkpoint_one_per_year UNIQUE (goal_id, fiscal_year)
);

CREATE TABLE goal_sector (
    goal_id  UUID NOT NULL REFERENCES goal (id),
    position INT  NOT NULL,
    sector   TEXT NOT NULL,
    PRIMARY KEY (goal_id, position),
    CONSTRAINT goal_sector_once UNIQUE (goal_id, sector)
);

-- A milestone may implement its year's checkpoint of a goal: its finalized result is the goal's
-- actual of that year. One current milestone per goal and year, so that actual is never ambiguous.
ALTER TABLE milestone ADD COLUMN implements_goal UUID REFERENCES goal (id);
CREATE UNIQUE INDEX milestone_one_per_checkpoint ON milestone (implements_goal, fiscal_year)
    WHERE implements_goal IS NOT NULL AND superseded_by IS NULL;
