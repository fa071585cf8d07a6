-- The programme's state as funding-service last described it (ACTIVE, CLOSED, TERMINATED), and the
-- budget decision a warning was followed by (a TERMINATE decision after a termination review).
ALTER TABLE programme_copy ADD COLUMN state TEXT NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE warning
    ADD COLUMN decision_id    UUID,
    ADD COLUMN decision_state TEXT CHECK (decision_state IN ('PROPOSED', 'CONFIRMED', 'REJECTED')),
    ADD CONSTRAINT warning_decision_has_a_state CHECK ((decision_id IS NULL) = (decision_state IS NULL));
