-- Programme events carry the programme's whole state and a sequence, counted here under the
-- programme's row lock, so a consumer can tell an older snapshot from a newer one whatever the clocks say.
ALTER TABLE programme ADD COLUMN event_sequence BIGINT NOT NULL DEFAULT 0 CHECK (event_sequence >= 0);
