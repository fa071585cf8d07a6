-- The consortium as funding-service's programme events describe it, for the dashboard's history:
-- the founding shares and each confirmed share table from its date, and the members announced but
-- not yet in a table (JSON object {tables, prospective}).
ALTER TABLE programme_copy ADD COLUMN consortium TEXT NOT NULL DEFAULT '{"tables":[],"prospective":[]}';
