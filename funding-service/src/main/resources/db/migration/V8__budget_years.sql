-- Budget years that close. An envelope records what a carry-over decision moved in and out of it,
-- what lapsed at its year-end close and when it was closed; amount stays the year's current budget
-- (planned + carried in − carried out − lapsed). A budget decision (a carry-over, a ceiling
-- amendment) is proposed by one METI official and confirmed or rejected by another.
ALTER TABLE fiscal_year_envelope
    ADD COLUMN carried_in  BIGINT NOT NULL DEFAULT 0 CHECK (carried_in >= 0),
    ADD COLUMN carried_out BIGINT NOT NULL DEFAULT 0 CHECK (carried_out >= 0),
    ADD COLUMN lapsed      BIGINT NOT NULL DEFAULT 0 CHECK (lapsed >= 0),
    ADD COLUMN closed_at   TIMESTAMPTZ,
    ADD COLUMN closed_by   TEXT,
    ADD CONSTRAINT envelope_closed_by_someone CHECK ((closed_at IS NULL) = (closed_by IS NULL));

ALTER TABLE tranche ADD COLUMN carried_over_from INT;

CREATE TABLE budget_decision (
    id            UUID PRIMARY KEY,
    programme_id  UUID        NOT NULL REFERENCES programme (id),
    kind          TEXT        NOT NULL CHECK (kind IN ('CARRY_OVER', 'CEILING_AMENDMENT')),
    fiscal_year   INT,
    amount        BIGINT CHECK (amount >= 0),
    tranche_ids   TEXT        NOT NULL DEFAULT '',
    new_ceiling   BIGINT CHECK (new_ceiling > 0),
    reason        TEXT        NOT NULL,
    state         TEXT        NOT NULL CHECK (state IN ('PROPOSED', 'CONFIRMED', 'REJECTED')),
    proposed_by   TEXT        NOT NULL,
    proposed_at   TIMESTAMPTZ NOT NULL,
    decided_by    TEXT,
    decided_at    TIMESTAMPTZ,
    decision_note TEXT,
    CHECK ((state = 'PROPOSED') = (decided_by IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> proposed_by),
    CHECK ((kind = 'CARRY_OVER') = (fiscal_year IS NOT NULL AND new_ceiling IS NULL))
);
CREATE UNIQUE INDEX budget_decision_one_pending ON budget_decision (programme_id, kind) WHERE state = 'PROPOSED';
