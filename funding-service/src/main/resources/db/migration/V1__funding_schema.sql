-- funding-service owns the money. Amounts are whole yen in BIGINT.
-- The CHECK constraints restate the ceiling and envelope invariants so that the database itself
-- refuses a broken state, whatever the application does; the service also locks the programme
-- row (SELECT … FOR UPDATE) so that concurrent requests are checked one after another.

CREATE TABLE programme (
    id                     UUID PRIMARY KEY,
    name                   TEXT        NOT NULL,
    ceiling                BIGINT      NOT NULL CHECK (ceiling > 0),
    first_fiscal_year      INT         NOT NULL,
    last_fiscal_year       INT         NOT NULL,
    commissioning_ministry TEXT        NOT NULL,
    executing_agency       TEXT        NOT NULL,
    planned                BIGINT      NOT NULL DEFAULT 0,
    committed              BIGINT      NOT NULL DEFAULT 0,
    disbursed              BIGINT      NOT NULL DEFAULT 0,
    recovered              BIGINT      NOT NULL DEFAULT 0,
    created_by             TEXT        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    CONSTRAINT programme_years CHECK (last_fiscal_year BETWEEN first_fiscal_year AND first_fiscal_year + 20),
    CONSTRAINT programme_amounts_not_negative CHECK (planned >= 0 AND committed >= 0 AND disbursed >= 0
                                                     AND recovered >= 0 AND recovered <= disbursed),
    CONSTRAINT programme_planned_within_ceiling CHECK (planned <= ceiling),
    CONSTRAINT programme_outstanding_within_ceiling CHECK (committed + disbursed - recovered <= ceiling)
);

CREATE TABLE fiscal_year_envelope (
    id           UUID PRIMARY KEY,
    programme_id UUID        NOT NULL REFERENCES programme (id),
    fiscal_year  INT         NOT NULL,
    amount       BIGINT      NOT NULL,
    committed    BIGINT      NOT NULL DEFAULT 0,
    disbursed    BIGINT      NOT NULL DEFAULT 0,
    recovered    BIGINT      NOT NULL DEFAULT 0,
    gate         TEXT        NOT NULL CHECK (gate IN ('NOT_GATED', 'CLOSED', 'OPEN')),
    gate_reason  TEXT,
    gate_set_by  TEXT,
    gate_set_at  TIMESTAMPTZ,
    CONSTRAINT envelope_unique_year UNIQUE (programme_id, fiscal_year),
    CONSTRAINT envelope_amounts_not_negative CHECK (amount >= 0 AND committed >= 0 AND disbursed >= 0
                                                    AND recovered >= 0 AND recovered <= disbursed),
    CONSTRAINT envelope_outstanding_within_amount CHECK (committed + disbursed - recovered <= amount)
);

CREATE TABLE recipient (
    id                 UUID PRIMARY KEY,
    programme_id       UUID        NOT NULL REFERENCES programme (id),
    name               TEXT        NOT NULL,
    role               TEXT        NOT NULL CHECK (role IN ('CONSORTIUM', 'MEMBER', 'RESEARCH_PARTNER')),
    consortium_id      UUID REFERENCES recipient (id),
    share_basis_points INT CHECK (share_basis_points BETWEEN 0 AND 10000),
    created_at         TIMESTAMPTZ NOT NULL,
    CONSTRAINT recipient_unique_name UNIQUE (programme_id, name)
);

CREATE TABLE tranche (
    id                   UUID PRIMARY KEY,
    programme_id         UUID        NOT NULL REFERENCES programme (id),
    fiscal_year          INT         NOT NULL,
    recipient_id         UUID        NOT NULL REFERENCES recipient (id),
    description          TEXT,
    amount               BIGINT      NOT NULL CHECK (amount >= 0),
    original_amount      BIGINT      NOT NULL CHECK (original_amount > 0),
    recovered_amount     BIGINT      NOT NULL DEFAULT 0,
    state                TEXT        NOT NULL,
    state_before_hold    TEXT,
    gated_by_review_year INT,
    requested_by         TEXT        NOT NULL,
    approved_by          TEXT,
    disbursed_by         TEXT,
    disbursed_on         DATE,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT tranche_envelope FOREIGN KEY (programme_id, fiscal_year)
        REFERENCES fiscal_year_envelope (programme_id, fiscal_year),
    CONSTRAINT tranche_recovered_within_amount CHECK (recovered_amount BETWEEN 0 AND amount)
);
CREATE INDEX tranche_by_programme ON tranche (programme_id, fiscal_year, state);

-- Append-only: every change of money, with who, when, why, the idempotency key and the
-- programme's amounts before and after.
CREATE TABLE ledger_entry (
    id                BIGSERIAL PRIMARY KEY,
    programme_id      UUID        NOT NULL REFERENCES programme (id),
    tranche_id        UUID REFERENCES tranche (id),
    fiscal_year       INT,
    kind              TEXT        NOT NULL,
    amount            BIGINT      NOT NULL,
    actor             TEXT        NOT NULL,
    reason            TEXT,
    idempotency_key   TEXT,
    recorded_at       TIMESTAMPTZ NOT NULL,
    planned_before    BIGINT      NOT NULL,
    planned_after     BIGINT      NOT NULL,
    committed_before  BIGINT      NOT NULL,
    committed_after   BIGINT      NOT NULL,
    disbursed_before  BIGINT      NOT NULL,
    disbursed_after   BIGINT      NOT NULL,
    recovered_before  BIGINT      NOT NULL,
    recovered_after   BIGINT      NOT NULL
);
CREATE INDEX ledger_by_programme ON ledger_entry (programme_id, id);
CREATE INDEX ledger_by_tranche ON ledger_entry (tranche_id, id);

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP;
END $$;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

-- The first answer to each (principal, Idempotency-Key); written in the transaction of the change.
CREATE TABLE idempotency_record (
    principal   TEXT        NOT NULL,
    key         TEXT        NOT NULL,
    fingerprint TEXT        NOT NULL,
    response    TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (principal, key)
);
