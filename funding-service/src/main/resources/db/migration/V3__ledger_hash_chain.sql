-- Tamper evidence: each ledger entry carries the SHA-256 of its canonical form chained to the hash
-- of the programme's previous entry (see AuditChain). An edit, a deletion or a reordering made
-- behind the service's back breaks the chain at that entry, and the verification names it.
ALTER TABLE ledger_entry ADD COLUMN previous_hash TEXT;
ALTER TABLE ledger_entry ADD COLUMN hash TEXT;
