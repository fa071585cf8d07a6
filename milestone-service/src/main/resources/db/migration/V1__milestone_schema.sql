-- milestone-service owns the targets and the reviews. KPI values are exact decimals.
-- Triggers restate the review rules the service enforces, so that the database itself refuses to
-- change a finalized review or the results of a review that is no longer a draft.

CREATE TABLE milestone (
    id                 UUID PRIMARY KEY,
    programme_id       UUID           NOT NULL,
    fiscal_year        INT            NOT NULL,
    code               TEXT           NOT NULL,
    version            INT            NOT NULL CHECK (version >= 1),
    title              TEXT           NOT NULL,
    metric             TEXT           NOT NULL,
    unit               TEXT           NOT NULL,
    direction          TEXT           NOT NULL CHECK (direction IN ('AT_LEAST', 'AT_MOST')),
    target             NUMERIC(24, 6) NOT NULL,
    threshold          NUMERIC(24, 6) NOT NULL,
    weight_basis_points INT           NOT NULL CHECK (weight_basis_points BETWEEN 1 AND 10000),
    critical           BOOLEAN        NOT NULL,
    recipient_id       UUID,
    superseded_by      UUID REFERENCES milestone (id) DEFERRABLE INITIALLY DEFERRED, -- set just before the new version is inserted
    created_by         TEXT           NOT NULL,
    created_at         TIMESTAMPTZ    NOT NULL,
    CONSTRAINT milestone_unique_version UNIQUE (programme_id, fiscal_year, code, version),
    CONSTRAINT milestone_threshold_side CHECK (
        (direction = 'AT_LEAST' AND threshold < target) OR (direction = 'AT_MOST' AND threshold > target))
);
-- one current version per code and year
CREATE UNIQUE INDEX milestone_current_code ON milestone (programme_id, fiscal_year, code) WHERE superseded_by IS NULL;

CREATE TABLE review (
    id                 UUID PRIMARY KEY,
    programme_id       UUID        NOT NULL,
    fiscal_year        INT         NOT NULL,
    revision           INT         NOT NULL CHECK (revision >= 1),
    amends             UUID REFERENCES review (id),
    amendment_reason   TEXT,
    amended_by         UUID REFERENCES review (id),
    state              TEXT        NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'FINALIZED')),
    due_date           DATE        NOT NULL,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    submitted_by       TEXT,
    submitted_at       TIMESTAMPTZ,
    returned_by        TEXT,
    returned_at        TIMESTAMPTZ,
    return_reason      TEXT,
    finalized_by       TEXT,
    finalized_at       TIMESTAMPTZ,
    decision_note      TEXT,
    score_basis_points INT CHECK (score_basis_points BETWEEN 0 AND 10000),
    outcome            TEXT CHECK (outcome IN ('PASSED', 'CONDITIONAL', 'FAILED')),
    rule_version       TEXT,
    CONSTRAINT review_unique_revision UNIQUE (programme_id, fiscal_year, revision),
    CONSTRAINT review_amends_once UNIQUE (amends),
    CONSTRAINT review_amendment_has_reason CHECK ((amends IS NULL) = (revision = 1)
                                                  AND (amends IS NULL OR amendment_reason IS NOT NULL)),
    CONSTRAINT review_four_eyes CHECK (finalized_by IS NULL OR finalized_by <> submitted_by),
    CONSTRAINT review_finalized_complete CHECK (state <> 'FINALIZED' OR (finalized_by IS NOT NULL
        AND score_basis_points IS NOT NULL AND outcome IS NOT NULL AND rule_version IS NOT NULL))
);
-- at most one review of a year in progress at a time
CREATE UNIQUE INDEX review_one_open_per_year ON review (programme_id, fiscal_year) WHERE state <> 'FINALIZED';
CREATE INDEX review_by_state ON review (state, due_date);

CREATE TABLE review_result (
    id                       UUID PRIMARY KEY,
    review_id                UUID           NOT NULL REFERENCES review (id),
    milestone_id             UUID           NOT NULL REFERENCES milestone (id),
    measured_value           NUMERIC(24, 6) NOT NULL,
    unit                     TEXT           NOT NULL,
    as_of                    DATE           NOT NULL,
    note                     TEXT,
    assessment               TEXT           NOT NULL CHECK (assessment IN ('MET', 'PARTIALLY_MET', 'MISSED')),
    achievement_basis_points INT            NOT NULL CHECK (achievement_basis_points BETWEEN 0 AND 10000),
    rule_version             TEXT           NOT NULL,
    recorded_by              TEXT           NOT NULL,
    recorded_at              TIMESTAMPTZ    NOT NULL,
    CONSTRAINT result_one_per_milestone UNIQUE (review_id, milestone_id)
);
CREATE INDEX result_by_milestone ON review_result (milestone_id);

CREATE TABLE result_evidence (
    result_id UUID NOT NULL REFERENCES review_result (id) ON DELETE CASCADE,
    position  INT  NOT NULL,
    uri       TEXT NOT NULL,
    title     TEXT NOT NULL,
    digest    TEXT NOT NULL CHECK (digest ~ '^sha256:[0-9a-f]{64}$'),
    PRIMARY KEY (result_id, position)
);

-- A reviewer declared related to a recipient may not assess that recipient's milestones.
CREATE TABLE conflict_declaration (
    id           UUID PRIMARY KEY,
    reviewer     TEXT        NOT NULL,
    recipient_id UUID        NOT NULL,
    reason       TEXT        NOT NULL,
    declared_by  TEXT        NOT NULL,
    declared_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT conflict_unique UNIQUE (reviewer, recipient_id)
);

-- A finalized review is immutable, except that an amendment may point back at it once.
CREATE FUNCTION review_finalized_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    allowed review;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'review % cannot be deleted', OLD.id;
    END IF;
    allowed := OLD;
    IF OLD.amended_by IS NULL THEN
        allowed.amended_by := NEW.amended_by;
    END IF;
    IF OLD.state = 'FINALIZED' AND ROW(NEW.*) IS DISTINCT FROM ROW(allowed.*) THEN
        RAISE EXCEPTION 'review % is finalized and immutable: amend it instead', OLD.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER review_immutable BEFORE UPDATE OR DELETE ON review
    FOR EACH ROW EXECUTE FUNCTION review_finalized_is_immutable();

-- Results (and their evidence) change only while their review is a draft.
CREATE FUNCTION require_draft_review(review UUID) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    review_state TEXT;
BEGIN
    SELECT r.state INTO review_state FROM review r WHERE r.id = review;
    IF review_state IS DISTINCT FROM 'DRAFT' THEN
        RAISE EXCEPTION 'the results of a % review cannot change', review_state;
    END IF;
END $$;

CREATE FUNCTION result_only_in_draft() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM require_draft_review(COALESCE(NEW.review_id, OLD.review_id));
    RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER result_draft_only BEFORE INSERT OR UPDATE OR DELETE ON review_result
    FOR EACH ROW EXECUTE FUNCTION result_only_in_draft();

CREATE FUNCTION evidence_only_in_draft() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM require_draft_review((SELECT rr.review_id FROM review_result rr
                                   WHERE rr.id = COALESCE(NEW.result_id, OLD.result_id)));
    RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER evidence_draft_only BEFORE INSERT OR UPDATE OR DELETE ON result_evidence
    FOR EACH ROW EXECUTE FUNCTION evidence_only_in_draft();
