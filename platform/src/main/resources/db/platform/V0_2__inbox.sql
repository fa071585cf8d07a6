-- Shared by every consuming service: the CloudEvent ids it has applied, written in the transaction
-- of their effects, so that a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id     UUID PRIMARY KEY,
    type         TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL
);
