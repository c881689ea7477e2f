-- Version 9: grades on the NATO (Admiralty) system. An editor grades how reliable a
-- claimant has proved (A completely reliable ... E unreliable, F cannot be judged), and any
-- attribution may carry how credible that piece of information is (1 confirmed by other
-- sources ... 6 cannot be judged). A grade is corrected by giving another: both histories
-- are append-only, and the latest grade stands.
CREATE TABLE reliability_grades (
    id            INTEGER PRIMARY KEY,
    claimant_id   INTEGER NOT NULL REFERENCES claimants (id),
    grade         TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
    at            TEXT NOT NULL,
    by            TEXT NOT NULL,
    note          TEXT
);
CREATE INDEX reliability_grades_claimant ON reliability_grades (claimant_id, at, id);

CREATE TABLE credibility_grades (
    id              INTEGER PRIMARY KEY,
    attribution_id  INTEGER NOT NULL REFERENCES attributions (id),
    grade           INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 6),
    at              TEXT NOT NULL,
    by              TEXT NOT NULL,
    note            TEXT
);
CREATE INDEX credibility_grades_attribution ON credibility_grades (attribution_id, at, id);

CREATE TRIGGER reliability_grades_no_update BEFORE UPDATE ON reliability_grades
BEGIN SELECT RAISE(ABORT, 'grades are append-only'); END;
CREATE TRIGGER reliability_grades_no_delete BEFORE DELETE ON reliability_grades
BEGIN SELECT RAISE(ABORT, 'grades are append-only'); END;
CREATE TRIGGER credibility_grades_no_update BEFORE UPDATE ON credibility_grades
BEGIN SELECT RAISE(ABORT, 'grades are append-only'); END;
CREATE TRIGGER credibility_grades_no_delete BEFORE DELETE ON credibility_grades
BEGIN SELECT RAISE(ABORT, 'grades are append-only'); END;
