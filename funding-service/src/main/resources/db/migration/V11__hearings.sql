-- Due process before an adverse decision (行政手続法: the opportunity for explanation, 弁明の機会):
-- the recipient is given notice of a proposed reduction, cancellation or termination, with its
-- grounds, the amounts per member and a deadline to answer; the decision is confirmed only once
-- the recipient has answered or the deadline has passed, and the confirmation records that the
-- answer was considered.

-- The days a programme's recipients have to answer a notice (default 14).
ALTER TABLE programme ADD COLUMN hearing_days INT NOT NULL DEFAULT 14 CHECK (hearing_days BETWEEN 1 AND 90);

CREATE TABLE hearing (
    id                UUID PRIMARY KEY,
    programme_id      UUID        NOT NULL REFERENCES programme (id),
    subject           TEXT        NOT NULL CHECK (subject IN ('PULLBACK_DECISION', 'BUDGET_DECISION')),
    subject_id        UUID        NOT NULL,
    recipient_id      UUID        NOT NULL REFERENCES recipient (id),
    proposed_decision TEXT        NOT NULL,
    fiscal_year       INT         NOT NULL,
    grounds           TEXT        NOT NULL,
    amount            BIGINT      NOT NULL CHECK (amount >= 0),
    parts             TEXT        NOT NULL,
    noticed_by        TEXT        NOT NULL,
    noticed_at        TIMESTAMPTZ NOT NULL,
    answer_by         DATE        NOT NULL,
    state             TEXT        NOT NULL CHECK (state IN ('OPEN', 'ANSWERED', 'CONCLUDED', 'WITHDRAWN')),
    response          TEXT,
    response_evidence TEXT,
    responded_by      TEXT,
    responded_at      TIMESTAMPTZ,
    closed_by         TEXT,
    closed_at         TIMESTAMPTZ,
    CONSTRAINT hearing_answered CHECK ((response IS NULL) = (responded_by IS NULL)
        AND (responded_by IS NULL) = (responded_at IS NULL)
        AND (state <> 'ANSWERED' OR response IS NOT NULL)),
    CONSTRAINT hearing_closed CHECK ((state IN ('CONCLUDED', 'WITHDRAWN')) = (closed_by IS NOT NULL)
        AND (closed_by IS NULL) = (closed_at IS NULL))
);
-- A proposal has one hearing under way per recipient given notice; a new proposal on the same subject
-- withdraws the earlier ones first.
CREATE UNIQUE INDEX hearing_one_open_per_recipient ON hearing (subject_id, recipient_id)
    WHERE state IN ('OPEN', 'ANSWERED');
CREATE INDEX hearing_by_programme ON hearing (programme_id, noticed_at);
