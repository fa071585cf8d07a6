-- What funding-service learns from the other services' events, and what it decides on them.

-- The finalized outcome of each reviewed fiscal year (the latest revision): it opens the next year's gate.
CREATE TABLE review_outcome (
    programme_id UUID        NOT NULL REFERENCES programme (id),
    fiscal_year  INT         NOT NULL,
    review_id    UUID        NOT NULL,
    revision     INT         NOT NULL,
    outcome      TEXT        NOT NULL CHECK (outcome IN ('PASSED', 'CONDITIONAL', 'FAILED')),
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (programme_id, fiscal_year)
);

-- A pullback recommendation, the tranches it put on hold, and the ministry decision that ends it:
-- proposed by one METI official and confirmed by another (four eyes).
CREATE TABLE pullback (
    id                    UUID PRIMARY KEY,
    programme_id          UUID        NOT NULL REFERENCES programme (id),
    review_id             UUID        NOT NULL,
    reviewed_fiscal_year  INT         NOT NULL,
    affected_fiscal_year  INT         NOT NULL,
    score_basis_points    INT         NOT NULL,
    planned_amount        BIGINT      NOT NULL,
    recommended_reduction BIGINT      NOT NULL CHECK (recommended_reduction >= 0),
    policy_version        TEXT        NOT NULL,
    parts                 TEXT        NOT NULL,
    held_tranche_ids      TEXT        NOT NULL,
    received_at           TIMESTAMPTZ NOT NULL,
    state                 TEXT        NOT NULL CHECK (state IN ('HOLDING', 'PROPOSED', 'DECIDED')),
    decision              TEXT CHECK (decision IN ('LIFT', 'REDUCE_BY_RECOMMENDATION', 'REDUCE_BY_AMOUNT', 'CANCEL')),
    decision_amount       BIGINT CHECK (decision_amount >= 0),
    decision_reason       TEXT,
    proposed_by           TEXT,
    proposed_at           TIMESTAMPTZ,
    decided_by            TEXT,
    decided_at            TIMESTAMPTZ,
    CONSTRAINT pullback_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE INDEX pullback_by_programme ON pullback (programme_id, received_at);

-- A return order on disbursed money, and its statutory interest once repaid.
CREATE TABLE return_order (
    id            UUID PRIMARY KEY,
    programme_id  UUID        NOT NULL REFERENCES programme (id),
    tranche_id    UUID        NOT NULL REFERENCES tranche (id),
    amount        BIGINT      NOT NULL CHECK (amount > 0),
    received_on   DATE        NOT NULL,
    deadline      DATE        NOT NULL,
    reason        TEXT        NOT NULL,
    issued_by     TEXT        NOT NULL,
    issued_at     TIMESTAMPTZ NOT NULL,
    state         TEXT        NOT NULL CHECK (state IN ('OPEN', 'SETTLED')),
    repaid_on     DATE,
    interest      BIGINT,
    late_interest BIGINT,
    settled_by    TEXT,
    settled_at    TIMESTAMPTZ
);
CREATE INDEX return_order_by_tranche ON return_order (tranche_id);
