-- A warning addressed to one recipient (a hearing's notice, an objection): only that recipient and its
-- members read it among the consortium members; null for the warnings every reader of the programme sees.
ALTER TABLE warning ADD COLUMN addressed_to UUID;
