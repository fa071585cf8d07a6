-- What the dashboard shows beside the figures: why a tranche is in its state (the reason of the
-- ledger entry that put it there) and since when; the programme as funding-service describes it
-- on aifund.programme-events.v1 (its name, fiscal years, envelopes and recipients).
ALTER TABLE tranche_copy ADD COLUMN state_reason TEXT;
ALTER TABLE tranche_copy ADD COLUMN state_since TIMESTAMPTZ;

CREATE TABLE programme_copy (
    programme_id      UUID PRIMARY KEY,
    name              TEXT        NOT NULL,
    first_fiscal_year INT         NOT NULL,
    last_fiscal_year  INT         NOT NULL,
    -- the fiscal-year envelopes' planned amounts as the newest programme event listed them (JSON
    -- array); their committed and disbursed figures and gates change without a programme event
    envelopes         TEXT        NOT NULL,
    -- the recipients' ids and names (JSON array), to name the recipient of a held tranche
    recipients        TEXT        NOT NULL,
    -- funding-service's count of the programme's events: an older event never replaces a newer copy
    sequence          BIGINT      NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
