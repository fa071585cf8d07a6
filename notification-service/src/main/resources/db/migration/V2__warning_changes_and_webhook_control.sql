-- Every change in a warning's life (raised, acknowledged, resolved), numbered in commit order:
-- the position is the id of its server-sent event (a client resumes after it with Last-Event-ID)
-- and what a webhook delivery delivers. Writers take a transaction-scoped advisory lock before
-- they insert, so a position is never committed after a higher one (WarningJournal).
CREATE TABLE warning_change (
    position     BIGSERIAL PRIMARY KEY,
    warning_id   UUID        NOT NULL REFERENCES warning (id),
    programme_id UUID,
    change       TEXT        NOT NULL CHECK (change IN ('RAISED', 'ACKNOWLEDGED', 'RESOLVED')),
    -- the warning as this change left it (JSON); null for changes recorded before this migration,
    -- which show the warning as it is now
    view         TEXT,
    recorded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX warning_change_by_programme ON warning_change (programme_id, position);

INSERT INTO warning_change (warning_id, programme_id, change, recorded_at)
SELECT id, programme_id, change, at FROM (
    SELECT id, programme_id, 'RAISED' AS change, created_at AS at FROM warning
    UNION ALL
    SELECT id, programme_id, 'ACKNOWLEDGED', acknowledged_at FROM warning WHERE acknowledged_at IS NOT NULL
    UNION ALL
    SELECT id, programme_id, 'RESOLVED', resolved_at FROM warning WHERE resolved_at IS NOT NULL
) changes ORDER BY at, change;

-- A delivery delivers one change (not only the raising) to one subscriber.
ALTER TABLE webhook_delivery ADD COLUMN change_position BIGINT REFERENCES warning_change (position);
UPDATE webhook_delivery d SET change_position = c.position
  FROM warning_change c WHERE c.warning_id = d.warning_id AND c.change = 'RAISED';
ALTER TABLE webhook_delivery ALTER COLUMN change_position SET NOT NULL;
ALTER TABLE webhook_delivery DROP CONSTRAINT delivery_once;
ALTER TABLE webhook_delivery ADD CONSTRAINT delivery_once UNIQUE (subscription_id, change_position);
-- a subscription's owner may delete it: what was still pending is cancelled, never sent afterwards
ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_state_check;
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_state_check
    CHECK (state IN ('PENDING', 'DELIVERED', 'CANCELLED'));

-- The owner controls a subscription: disabled (deliveries wait), deleted (kept for the record,
-- hidden), its secret rotated (the previous one still signs, beside the new one, for a while).
ALTER TABLE webhook_subscription ADD COLUMN deleted_at TIMESTAMPTZ;
ALTER TABLE webhook_subscription ADD COLUMN previous_secret TEXT;
ALTER TABLE webhook_subscription ADD COLUMN previous_secret_until TIMESTAMPTZ;
ALTER TABLE webhook_subscription ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE webhook_subscription SET updated_at = created_at;
ALTER TABLE webhook_subscription ALTER COLUMN updated_at SET NOT NULL;
CREATE INDEX subscription_by_owner ON webhook_subscription (created_by, created_at) WHERE deleted_at IS NULL;
