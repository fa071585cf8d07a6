-- Money the recipients return goes to the treasury (国庫返納): it no longer restores the headroom.
-- A confirmed re-appropriation decision makes returned money spendable again in a year's envelope:
-- the envelope's budget (and the programme's planned sum) grows by it, and the ceiling counts it,
-- so the ceiling still holds every yen committed or paid less what was re-appropriated.
-- Before this migration returned money was headroom again: to keep every figure where it was, what
-- was recovered so far counts as re-appropriated into the year it was recovered from.
ALTER TABLE programme
    ADD COLUMN reappropriated BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN state          TEXT   NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'CLOSED', 'TERMINATED')),
    ADD COLUMN ended_at       TIMESTAMPTZ,
    ADD COLUMN ended_by       TEXT,
    ADD COLUMN end_reason     TEXT,
    ADD CONSTRAINT programme_ended_when_not_active CHECK ((state = 'ACTIVE') = (ended_at IS NULL)),
    DROP CONSTRAINT programme_planned_within_ceiling,
    DROP CONSTRAINT programme_outstanding_within_ceiling;
ALTER TABLE fiscal_year_envelope
    ADD COLUMN reappropriated BIGINT NOT NULL DEFAULT 0 CHECK (reappropriated >= 0),
    DROP CONSTRAINT envelope_outstanding_within_amount;

UPDATE fiscal_year_envelope SET reappropriated = recovered, amount = amount + recovered WHERE recovered > 0;
UPDATE programme SET reappropriated = recovered, planned = planned + recovered WHERE recovered > 0;

ALTER TABLE programme
    ADD CONSTRAINT programme_reappropriated_returned_money CHECK (reappropriated BETWEEN 0 AND recovered),
    ADD CONSTRAINT programme_planned_within_ceiling CHECK (planned - reappropriated <= ceiling),
    ADD CONSTRAINT programme_outstanding_within_ceiling CHECK (committed + disbursed - reappropriated <= ceiling);
ALTER TABLE fiscal_year_envelope
    ADD CONSTRAINT envelope_outstanding_within_amount CHECK (committed + disbursed <= amount);

-- Two more budget decisions: a re-appropriation (a year and an amount), a termination (its grounds).
DO $$
DECLARE c RECORD;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
             WHERE conrelid = 'budget_decision'::regclass AND contype = 'c'
               AND pg_get_constraintdef(oid) LIKE '%CARRY_OVER%'
    LOOP
        EXECUTE format('ALTER TABLE budget_decision DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;
ALTER TABLE budget_decision
    ADD COLUMN grounds         TEXT CHECK (grounds IN ('RECIPIENT_BREACH', 'CHANGE_OF_CIRCUMSTANCES')),
    ADD COLUMN return_deadline DATE,
    ADD CONSTRAINT budget_decision_kind
        CHECK (kind IN ('CARRY_OVER', 'CEILING_AMENDMENT', 'REAPPROPRIATION', 'TERMINATE')),
    ADD CONSTRAINT budget_decision_year CHECK ((kind IN ('CARRY_OVER', 'REAPPROPRIATION')) = (fiscal_year IS NOT NULL)),
    ADD CONSTRAINT budget_decision_ceiling CHECK ((kind = 'CEILING_AMENDMENT') = (new_ceiling IS NOT NULL)),
    ADD CONSTRAINT budget_decision_grounds CHECK ((kind = 'TERMINATE') = (grounds IS NOT NULL)),
    ADD CONSTRAINT budget_decision_reappropriates_money CHECK (kind <> 'REAPPROPRIATION' OR amount > 0);
