-- notification-service owns the judgement and the alarms. Its read model of the other services'
-- state is built only from their events (ordered per programme by the ledger entry id).

CREATE TABLE programme_totals (
    programme_id    UUID PRIMARY KEY,
    ceiling         BIGINT      NOT NULL,
    planned         BIGINT      NOT NULL,
    committed       BIGINT      NOT NULL,
    disbursed       BIGINT      NOT NULL,
    recovered       BIGINT      NOT NULL,
    headroom        BIGINT      NOT NULL,
    ledger_entry_id BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE tranche_copy (
    tranche_id           UUID PRIMARY KEY,
    programme_id         UUID        NOT NULL,
    fiscal_year          INT         NOT NULL,
    recipient_id         UUID        NOT NULL,
    amount               BIGINT      NOT NULL,
    state                TEXT        NOT NULL,
    gated_by_review_year INT,
    ledger_entry_id      BIGINT      NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX tranche_copy_by_year ON tranche_copy (programme_id, fiscal_year);

-- The consortium members and their shares, as the latest tranche event of the programme named them.
CREATE TABLE member_share (
    programme_id        UUID    NOT NULL,
    recipient_id        UUID    NOT NULL,
    name                TEXT    NOT NULL,
    share_basis_points  INT     NOT NULL,
    PRIMARY KEY (programme_id, recipient_id)
);

-- Every review revision seen on the review topic, with its event data (for deadlines, two failed
-- years in a row, and the what-if preview of a submitted review).
CREATE TABLE review_copy (
    review_id          UUID PRIMARY KEY,
    programme_id       UUID        NOT NULL,
    fiscal_year        INT         NOT NULL,
    revision           INT         NOT NULL,
    state              TEXT        NOT NULL,
    outcome            TEXT        NOT NULL,
    score_basis_points INT         NOT NULL,
    due_date           DATE        NOT NULL,
    superseded         BOOLEAN     NOT NULL DEFAULT false,
    data               TEXT        NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX review_copy_by_year ON review_copy (programme_id, fiscal_year);

CREATE TABLE warning (
    id              UUID PRIMARY KEY,
    kind            TEXT        NOT NULL,
    severity        TEXT        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    programme_id    UUID,
    fiscal_year     INT,
    state           TEXT        NOT NULL CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    title           TEXT        NOT NULL,
    detail          TEXT        NOT NULL,
    cause_event_ids TEXT        NOT NULL,
    policy_version  TEXT        NOT NULL,
    figures         TEXT,
    dedupe_key      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at TIMESTAMPTZ,
    acknowledge_note TEXT,
    resolved_by     TEXT,
    resolved_at     TIMESTAMPTZ,
    resolve_note    TEXT
);
-- a recurring condition (overdue, ceiling near, stalled webhook) raises one warning until resolved
CREATE UNIQUE INDEX warning_once_while_unresolved ON warning (dedupe_key) WHERE state <> 'RESOLVED';
CREATE INDEX warning_by_programme ON warning (programme_id, created_at);

CREATE TABLE webhook_subscription (
    id         UUID PRIMARY KEY,
    url        TEXT        NOT NULL,
    secret     TEXT        NOT NULL,
    min_severity TEXT      NOT NULL,
    programme_id UUID,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    active     BOOLEAN     NOT NULL DEFAULT true
);

-- One per warning and subscription, created in the warning's transaction: never silently dropped.
CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    subscription_id UUID        NOT NULL REFERENCES webhook_subscription (id),
    warning_id      UUID        NOT NULL REFERENCES warning (id),
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    stall_reported  BOOLEAN     NOT NULL DEFAULT false,
    CONSTRAINT delivery_once UNIQUE (subscription_id, warning_id)
);
CREATE INDEX delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';

CREATE TABLE webhook_attempt (
    id           BIGSERIAL PRIMARY KEY,
    delivery_id  UUID        NOT NULL REFERENCES webhook_delivery (id),
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INT,
    error        TEXT,
    duration_ms  BIGINT      NOT NULL
);
CREATE INDEX attempt_by_delivery ON webhook_attempt (delivery_id, id);
