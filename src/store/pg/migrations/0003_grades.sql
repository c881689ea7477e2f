-- Server schema 3: grades on the NATO (Admiralty) system, as on a ledger file (its
-- migration 9). Reliability, a claimant's grade A-F, is an editor's call; credibility, an
-- attribution's grade 1-6, is given by whoever logs or corrects it. Both histories are
-- append-only and stamped with the connection's role; the latest grade stands.
CREATE TABLE reliability_grades (
    id            bigserial PRIMARY KEY,
    claimant_id   bigint NOT NULL REFERENCES claimants (id),
    grade         text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
    at            timestamptz NOT NULL DEFAULT now(),
    by            text NOT NULL DEFAULT session_user,
    note          text
);
CREATE INDEX reliability_grades_claimant ON reliability_grades (claimant_id, at, id);

CREATE TABLE credibility_grades (
    id              bigserial PRIMARY KEY,
    attribution_id  bigint NOT NULL REFERENCES attributions (id),
    grade           integer NOT NULL CHECK (grade BETWEEN 1 AND 6),
    at              timestamptz NOT NULL DEFAULT now(),
    by              text NOT NULL DEFAULT session_user,
    note            text
);
CREATE INDEX credibility_grades_attribution ON credibility_grades (attribution_id, at, id);

CREATE TRIGGER reliability_grades_by BEFORE INSERT ON reliability_grades
    FOR EACH ROW EXECUTE FUNCTION claimtrail_stamp_by();
CREATE TRIGGER credibility_grades_by BEFORE INSERT ON credibility_grades
    FOR EACH ROW EXECUTE FUNCTION claimtrail_stamp_by();
CREATE TRIGGER reliability_grades_append_only BEFORE UPDATE OR DELETE ON reliability_grades
    FOR EACH ROW EXECUTE FUNCTION claimtrail_refuse('grades are append-only');
CREATE TRIGGER credibility_grades_append_only BEFORE UPDATE OR DELETE ON credibility_grades
    FOR EACH ROW EXECUTE FUNCTION claimtrail_refuse('grades are append-only');

GRANT SELECT ON reliability_grades TO claimtrail_reporter;
GRANT SELECT, INSERT ON credibility_grades TO claimtrail_reporter;
GRANT INSERT ON reliability_grades TO claimtrail_editor;
GRANT USAGE ON SEQUENCE reliability_grades_id_seq, credibility_grades_id_seq
    TO claimtrail_reporter;
