-- review-scoring/2 keeps achievements and scores exact, as fractions in lowest terms ("15999/20000"),
-- and decides outcomes on them; the basis points beside them are rounded down, for display.
-- Rows scored by review-scoring/1 were decided on their basis points: that is their exact value.
ALTER TABLE review_result ADD COLUMN achievement TEXT;
UPDATE review_result SET achievement = (achievement_basis_points / gcd(achievement_basis_points, 10000))
    || '/' || (10000 / gcd(achievement_basis_points, 10000));
ALTER TABLE review_result ALTER COLUMN achievement SET NOT NULL,
    ADD CONSTRAINT result_achievement_is_ratio CHECK (achievement ~ '^(0|[1-9][0-9]*)/[1-9][0-9]*$');

ALTER TABLE review ADD COLUMN score TEXT
    CONSTRAINT review_score_is_ratio CHECK (score ~ '^(0|[1-9][0-9]*)/[1-9][0-9]*$');
UPDATE review SET score = (score_basis_points / gcd(score_basis_points, 10000))
    || '/' || (10000 / gcd(score_basis_points, 10000)) WHERE score_basis_points IS NOT NULL;
ALTER TABLE review ADD CONSTRAINT review_score_with_basis_points CHECK ((score IS NULL) = (score_basis_points IS NULL));
