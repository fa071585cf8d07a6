-- milestone-service's copy of funding-service's programmes, kept from aifund.programme-events.v1:
-- what it needs to refuse a milestone, review or conflict naming a programme, fiscal year or
-- recipient that does not exist. Each event carries the programme's whole state and replaces the copy
-- when its sequence is above the copy's; an older or repeated snapshot changes nothing.
CREATE TABLE programme_copy (
    programme_id      UUID PRIMARY KEY,
    name              TEXT        NOT NULL,
    first_fiscal_year INT         NOT NULL,
    last_fiscal_year  INT         NOT NULL,
    sequence          BIGINT      NOT NULL CHECK (sequence >= 1),
    changed_at        TIMESTAMPTZ NOT NULL, -- when funding-service recorded the change (change.recordedAt)
    event_id          UUID        NOT NULL, -- the event the copy was last replaced from
    copied_at         TIMESTAMPTZ NOT NULL, -- when this service applied it
    CONSTRAINT programme_copy_years CHECK (first_fiscal_year <= last_fiscal_year)
);

-- The programme's recipients as its latest snapshot lists them (funding-service never removes one).
CREATE TABLE recipient_copy (
    recipient_id  UUID PRIMARY KEY,
    programme_id  UUID NOT NULL REFERENCES programme_copy (programme_id),
    position      INT  NOT NULL,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    consortium_id UUID
);
CREATE INDEX recipient_copy_of_programme ON recipient_copy (programme_id, position);
