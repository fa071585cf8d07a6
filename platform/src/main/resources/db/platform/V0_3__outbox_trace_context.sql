-- The W3C traceparent of the change that wrote the event, sent with it so that its consumers
-- continue the same trace.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
