-- Adverse decisions on one tranche are proposed, heard and confirmed like the others: reducing or
-- cancelling a tranche once approved, and ordering disbursed money back. One official proposes (the
-- recipient is given notice, a hearing with subject TRANCHE_DECISION), another confirms or rejects;
-- the end of the programme withdraws one still pending.
CREATE TABLE tranche_decision (
    id              UUID PRIMARY KEY,
    programme_id    UUID        NOT NULL REFERENCES programme (id),
    tranche_id      UUID        NOT NULL REFERENCES tranche (id),
    action          TEXT        NOT NULL CHECK (action IN ('REDUCE', 'CANCEL', 'ORDER_RETURN')),
    new_amount      BIGINT CHECK (new_amount >= 0),
    return_amount   BIGINT CHECK (return_amount > 0),
    return_deadline DATE,
    reason          TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('PROPOSED', 'CONFIRMED', 'REJECTED', 'WITHDRAWN')),
    proposed_by     TEXT        NOT NULL,
    proposed_at     TIMESTAMPTZ NOT NULL,
    decided_by      TEXT,
    decided_at      TIMESTAMPTZ,
    decision_note   TEXT,
    return_order_id UUID REFERENCES return_order (id),
    CHECK ((state = 'PROPOSED') = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL)),
    -- four eyes; a decision withdrawn by the end of the programme was decided by no one
    CHECK (decided_by IS NULL OR decided_by <> proposed_by OR state = 'WITHDRAWN'),
    CHECK ((action = 'REDUCE') = (new_amount IS NOT NULL)),
    CHECK ((action = 'ORDER_RETURN') = (return_amount IS NOT NULL AND return_deadline IS NOT NULL)),
    CHECK ((action = 'ORDER_RETURN' AND state = 'CONFIRMED') = (return_order_id IS NOT NULL))
);
-- one decision pending per tranche: a second proposal waits for the first to be confirmed or rejected
CREATE UNIQUE INDEX tranche_decision_one_pending ON tranche_decision (tranche_id) WHERE state = 'PROPOSED';
CREATE INDEX tranche_decision_by_tranche ON tranche_decision (tranche_id, proposed_at);

ALTER TABLE hearing DROP CONSTRAINT hearing_subject_check;
ALTER TABLE hearing ADD CONSTRAINT hearing_subject_check
    CHECK (subject IN ('PULLBACK_DECISION', 'BUDGET_DECISION', 'TRANCHE_DECISION'));

-- an upheld objection to a return order annuls it while it is open; it is never deleted
ALTER TABLE return_order DROP CONSTRAINT return_order_state_check;
ALTER TABLE return_order ADD CONSTRAINT return_order_state_check CHECK (state IN ('OPEN', 'SETTLED', 'ANNULLED'));
ALTER TABLE return_order ADD COLUMN annulled_by TEXT, ADD COLUMN annulled_at TIMESTAMPTZ,
    ADD CONSTRAINT return_order_annulled CHECK ((state = 'ANNULLED') = (annulled_by IS NOT NULL)
        AND (annulled_by IS NULL) = (annulled_at IS NULL));
