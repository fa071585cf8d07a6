-- A recipient's objection to an adverse decision confirmed after its hearing (審査請求): filed by a
-- member of the recipient within three months of the decision, ruled on by an official who neither
-- proposed nor confirmed it. An upheld objection gives back what the decision took by new ledger
-- entries (TRANCHE_REINSTATED); the ledger is never edited.
CREATE TABLE objection (
    id           UUID PRIMARY KEY,
    programme_id UUID        NOT NULL REFERENCES programme (id),
    hearing_id   UUID        NOT NULL UNIQUE REFERENCES hearing (id),
    recipient_id UUID        NOT NULL REFERENCES recipient (id),
    decided_by   TEXT        NOT NULL,
    proposed_by  TEXT        NOT NULL,
    file_by      DATE        NOT NULL,
    grounds      TEXT        NOT NULL,
    evidence     TEXT        NOT NULL,
    filed_by     TEXT        NOT NULL,
    filed_at     TIMESTAMPTZ NOT NULL,
    state        TEXT        NOT NULL CHECK (state IN ('FILED', 'UPHELD', 'DISMISSED')),
    ruling       TEXT,
    ruled_by     TEXT,
    ruled_at     TIMESTAMPTZ,
    reinstated   BIGINT CHECK (reinstated >= 0),
    CONSTRAINT objection_ruled CHECK ((state = 'FILED') = (ruled_by IS NULL)
        AND (ruled_by IS NULL) = (ruled_at IS NULL) AND (ruled_by IS NULL) = (ruling IS NULL)
        AND (state = 'UPHELD') = (reinstated IS NOT NULL)),
    CONSTRAINT objection_ruled_by_another CHECK (ruled_by IS NULL OR (ruled_by <> decided_by AND ruled_by <> proposed_by))
);
CREATE INDEX objection_by_programme ON objection (programme_id, filed_at);
