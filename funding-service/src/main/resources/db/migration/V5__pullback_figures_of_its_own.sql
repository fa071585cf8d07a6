-- funding-service computes the money it acts on from its own tranches: the exact score the
-- recommendation names, and what the hold held (null for pullbacks received before this). The
-- recommendation's figures stay as its estimate, with the funding ledger position that the
-- estimating copy had reached.
ALTER TABLE pullback ADD COLUMN score TEXT;
ALTER TABLE pullback ADD COLUMN held_amount BIGINT CHECK (held_amount >= 0);
ALTER TABLE pullback ADD COLUMN estimate_as_of_ledger_entry BIGINT;
