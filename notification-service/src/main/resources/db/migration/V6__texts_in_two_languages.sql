-- A warning's title and detail are kept also as their text (key and arguments, JSON), so that each reader
-- gets them in English or Japanese; title and detail stay the English (warnings raised before keep only it).
ALTER TABLE warning ADD COLUMN title_text TEXT;
ALTER TABLE warning ADD COLUMN detail_text TEXT;
-- A webhook subscription says the language its deliveries' titles and details are in.
ALTER TABLE webhook_subscription ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ja'));
