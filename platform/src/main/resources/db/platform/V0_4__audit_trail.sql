-- Shared by every service: who decided what, when, on what and with which arguments (the reason
-- is among them), for every decision that is not already a ledger entry. Each entry carries the
-- SHA-256 of its canonical form chained to the previous entry (AuditChain), entries are written
-- one at a time under a transaction-scoped advisory lock, and a trigger refuses UPDATE and DELETE.
CREATE TABLE audit_entry (
    id            BIGSERIAL PRIMARY KEY,
    recorded_at   TIMESTAMPTZ NOT NULL,
    actor         TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    subject       TEXT,
    details       TEXT        NOT NULL,
    previous_hash TEXT        NOT NULL,
    hash          TEXT        NOT NULL UNIQUE
);
CREATE INDEX audit_entry_by_subject ON audit_entry (subject, id);
CREATE INDEX audit_entry_by_actor ON audit_entry (actor, id);

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
