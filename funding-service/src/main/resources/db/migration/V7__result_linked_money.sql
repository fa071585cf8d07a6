-- Money tied to results. funding-service's copy of milestone-service's milestones (from its
-- milestone events) lets a portal name the milestone a tranche is paid by. A result_link is one
-- result-linked allocation; its tranches pay what it earned, and its remainder rolls over to a
-- link of the next fiscal year or lapses. The database keeps the link's own arithmetic.
CREATE TABLE milestone_copy (
    id              UUID PRIMARY KEY,
    programme_id    UUID        NOT NULL,
    fiscal_year     INT         NOT NULL,
    code            TEXT        NOT NULL,
    version         INT         NOT NULL,
    title           TEXT        NOT NULL,
    implements_goal UUID,
    removed         BOOLEAN     NOT NULL DEFAULT FALSE,
    recorded_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE result_link (
    id                    UUID PRIMARY KEY,
    programme_id          UUID        NOT NULL REFERENCES programme (id),
    fiscal_year           INT         NOT NULL,
    recipient_id          UUID        NOT NULL REFERENCES recipient (id),
    milestone_id          UUID,
    milestone_code        TEXT,
    milestone_fiscal_year INT         NOT NULL CHECK (milestone_fiscal_year < fiscal_year),
    goal_id               UUID,
    rule                  TEXT        NOT NULL CHECK (rule IN ('ALL_OR_NOTHING', 'SCALABLE')),
    roll_over_until       INT CHECK (roll_over_until >= fiscal_year),
    allocation            BIGINT      NOT NULL CHECK (allocation >= 0),
    assessed_revision     INT         NOT NULL DEFAULT 0,
    assessed_by_review    UUID,
    met                   BOOLEAN,
    achievement           TEXT,
    earned                BIGINT      NOT NULL DEFAULT 0 CHECK (earned BETWEEN 0 AND allocation),
    rolled_over           BIGINT      NOT NULL DEFAULT 0 CHECK (rolled_over >= 0),
    lapsed                BIGINT      NOT NULL DEFAULT 0 CHECK (lapsed >= 0),
    overpaid              BIGINT      NOT NULL DEFAULT 0 CHECK (overpaid >= 0),
    rolled_over_from      UUID REFERENCES result_link (id),
    rolled_over_to        UUID REFERENCES result_link (id),
    updated_at            TIMESTAMPTZ NOT NULL,
    CHECK ((milestone_code IS NULL) = (rolled_over_from IS NOT NULL)),
    CHECK (rolled_over + lapsed <= allocation),
    CHECK (rolled_over = 0 OR lapsed = 0)
);
CREATE INDEX result_link_by_review ON result_link (programme_id, milestone_fiscal_year);

ALTER TABLE tranche
    ADD COLUMN result_link_id   UUID REFERENCES result_link (id),
    ADD COLUMN awaiting_result  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN withdrawn_amount BIGINT  NOT NULL DEFAULT 0 CHECK (withdrawn_amount >= 0),
    ADD CONSTRAINT tranche_awaits_only_a_result CHECK (NOT awaiting_result OR result_link_id IS NOT NULL);
CREATE INDEX tranche_by_result_link ON tranche (result_link_id) WHERE result_link_id IS NOT NULL;

-- The milestone results of the latest finalized revision of each reviewed year: a remainder that an
-- amendment rolls over to a checkpoint whose review is in already is assessed by it at once.
CREATE TABLE reviewed_result (
    programme_id UUID    NOT NULL REFERENCES programme (id),
    fiscal_year  INT     NOT NULL,
    position     INT     NOT NULL,
    review_id    UUID    NOT NULL,
    revision     INT     NOT NULL,
    code         TEXT    NOT NULL,
    goal_id      UUID,
    met          BOOLEAN NOT NULL,
    achievement  TEXT    NOT NULL,
    PRIMARY KEY (programme_id, fiscal_year, position)
);
