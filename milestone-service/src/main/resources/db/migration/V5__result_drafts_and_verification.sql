-- Results reported by the recipient and verified independently (issue 18, part 2).

-- A programme's review settings, which this service owns since it enforces them; a programme
-- without a row requires no verification.
CREATE TABLE review_settings (
    programme_id          UUID PRIMARY KEY,
    verification_required BOOLEAN     NOT NULL,
    set_by                TEXT        NOT NULL,
    set_at                TIMESTAMPTZ NOT NULL
);

-- The consortium member who drafted a result NEDO accepted; null when NEDO recorded it itself.
ALTER TABLE review_result ADD COLUMN reported_by TEXT;

-- A result as a consortium member drafted it, until NEDO accepts it (it becomes the review's
-- result) or returns it with a reason (the member may draft it again). One per milestone and review.
CREATE TABLE result_draft (
    id             UUID PRIMARY KEY,
    review_id      UUID           NOT NULL REFERENCES review (id),
    milestone_id   UUID           NOT NULL REFERENCES milestone (id),
    measured_value NUMERIC(24, 6) NOT NULL,
    unit           TEXT           NOT NULL,
    as_of          DATE           NOT NULL,
    note           TEXT,
    state          TEXT           NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED', 'RETURNED')),
    drafted_by     TEXT           NOT NULL,
    drafted_for    UUID           NOT NULL,
    drafted_at     TIMESTAMPTZ    NOT NULL,
    decided_by     TEXT,
    decided_at     TIMESTAMPTZ,
    return_reason  TEXT,
    CONSTRAINT draft_one_per_milestone UNIQUE (review_id, milestone_id),
    CONSTRAINT draft_decided CHECK ((state = 'PENDING') = (decided_by IS NULL)
        AND (decided_by IS NULL) = (decided_at IS NULL)
        AND (state = 'RETURNED') = (return_reason IS NOT NULL))
);

CREATE TABLE result_draft_evidence (
    draft_id UUID NOT NULL REFERENCES result_draft (id) ON DELETE CASCADE,
    position INT  NOT NULL,
    uri      TEXT NOT NULL,
    title    TEXT NOT NULL,
    digest   TEXT NOT NULL CHECK (digest ~ '^sha256:[0-9a-f]{64}$'),
    PRIMARY KEY (draft_id, position)
);

-- Drafts, like results, change only while their review is a draft (the same function: both have review_id).
CREATE TRIGGER result_draft_draft_only BEFORE INSERT OR UPDATE OR DELETE ON result_draft
    FOR EACH ROW EXECUTE FUNCTION result_only_in_draft();

CREATE FUNCTION draft_evidence_only_in_draft() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM require_draft_review((SELECT d.review_id FROM result_draft d
                                   WHERE d.id = COALESCE(NEW.draft_id, OLD.draft_id)));
    RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER draft_evidence_draft_only BEFORE INSERT OR UPDATE OR DELETE ON result_draft_evidence
    FOR EACH ROW EXECUTE FUNCTION draft_evidence_only_in_draft();

-- The verifier's verdict on a result of a submitted review: given (or changed) only while the
-- review is submitted, since that freezes the values verified; dropped only in a draft (a result
-- recorded again must be verified again); a finalized review's verdicts never change.
CREATE TABLE result_verification (
    result_id   UUID PRIMARY KEY REFERENCES review_result (id) ON DELETE CASCADE,
    review_id   UUID        NOT NULL REFERENCES review (id),
    verdict     TEXT        NOT NULL CHECK (verdict IN ('VERIFIED', 'NOT_VERIFIED')),
    reason      TEXT        NOT NULL,
    verified_by TEXT        NOT NULL,
    verified_at TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION verification_only_when_submitted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    review_state TEXT;
BEGIN
    SELECT r.state INTO review_state FROM review r WHERE r.id = COALESCE(NEW.review_id, OLD.review_id);
    IF TG_OP = 'DELETE' AND review_state IS DISTINCT FROM 'DRAFT' THEN
        RAISE EXCEPTION 'the verdicts of a % review cannot be dropped', review_state;
    END IF;
    IF TG_OP <> 'DELETE' AND review_state IS DISTINCT FROM 'SUBMITTED' THEN
        RAISE EXCEPTION 'only the results of a submitted review are verified, not of a % one', review_state;
    END IF;
    RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER verification_submitted_only BEFORE INSERT OR UPDATE OR DELETE ON result_verification
    FOR EACH ROW EXECUTE FUNCTION verification_only_when_submitted();
