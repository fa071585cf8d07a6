-- The consortium over time: effective-dated share tables, proposed by one official and confirmed
-- (or rejected) by another. The database keeps what the aggregate checks: a table's rows are
-- members once each, at 0..100 %; at most one confirmed table per date and one proposal pending
-- per programme; the decider is never the proposer.
CREATE TABLE share_table (
    id             UUID PRIMARY KEY,
    programme_id   UUID NOT NULL REFERENCES programme (id),
    effective_from DATE NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('PROPOSED', 'CONFIRMED', 'REJECTED')),
    reason         TEXT NOT NULL,
    proposed_by    TEXT NOT NULL,
    proposed_at    TIMESTAMPTZ NOT NULL,
    decided_by     TEXT,
    decided_at     TIMESTAMPTZ,
    decision_note  TEXT,
    CHECK ((state = 'PROPOSED') = (decided_by IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE UNIQUE INDEX share_table_one_per_date ON share_table (programme_id, effective_from) WHERE state = 'CONFIRMED';
CREATE UNIQUE INDEX share_table_one_pending ON share_table (programme_id) WHERE state = 'PROPOSED';

CREATE TABLE share_table_row (
    share_table_id     UUID NOT NULL REFERENCES share_table (id),
    position           INT NOT NULL,
    recipient_id       UUID NOT NULL REFERENCES recipient (id),
    share_basis_points INT NOT NULL CHECK (share_basis_points BETWEEN 0 AND 10000),
    PRIMARY KEY (share_table_id, position),
    UNIQUE (share_table_id, recipient_id)
);
