-- Version 2: corrections without loss. A claim's text, story or date changes only by an
-- edit, which keeps the old value with who changed it and when.

CREATE TABLE claim_edits (
    id            INTEGER PRIMARY KEY,
    claim_id      INTEGER NOT NULL REFERENCES claims(id),
    field         TEXT NOT NULL CHECK (field IN ('text', 'story', 'made_at')),
    old_value     TEXT,
    new_value     TEXT,
    at            TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at) IS at),
    by            TEXT NOT NULL CHECK (length(trim(by)) > 0),
    note          TEXT,
    CHECK (field <> 'text' OR length(trim(new_value)) > 0),
    CHECK (field <> 'made_at' OR new_value IS NULL
           OR strftime('%Y-%m-%dT%H:%M:%SZ', new_value) IS new_value)
);

CREATE INDEX claim_edits_claim ON claim_edits (claim_id, id);

CREATE TRIGGER claim_edits_no_update BEFORE UPDATE ON claim_edits
BEGIN SELECT RAISE(ABORT, 'the edit history is append-only'); END;
CREATE TRIGGER claim_edits_no_delete BEFORE DELETE ON claim_edits
BEGIN SELECT RAISE(ABORT, 'the edit history is append-only'); END;

-- An edit applies itself; the old value is what the claim held, whatever the caller said.
CREATE TRIGGER claim_edits_old_value BEFORE INSERT ON claim_edits
WHEN NEW.old_value IS NOT (
    SELECT CASE NEW.field WHEN 'text' THEN text WHEN 'story' THEN story ELSE made_at END
    FROM claims WHERE id = NEW.claim_id
)
BEGIN SELECT RAISE(ABORT, 'an edit must record the value it replaces'); END;

CREATE TRIGGER claim_edits_apply AFTER INSERT ON claim_edits
BEGIN
    UPDATE claims SET
        text    = CASE NEW.field WHEN 'text'    THEN NEW.new_value ELSE text    END,
        story   = CASE NEW.field WHEN 'story'   THEN NEW.new_value ELSE story   END,
        made_at = CASE NEW.field WHEN 'made_at' THEN NEW.new_value ELSE made_at END
    WHERE id = NEW.claim_id;
END;

-- A direct UPDATE that bypasses the edit history is refused.
CREATE TRIGGER claims_text_by_edit BEFORE UPDATE OF text ON claims
WHEN NEW.text IS NOT OLD.text AND NEW.text IS NOT (
    SELECT new_value FROM claim_edits WHERE claim_id = NEW.id AND field = 'text'
    ORDER BY id DESC LIMIT 1
)
BEGIN SELECT RAISE(ABORT, 'claim text changes only by an edit, which keeps the old text'); END;
CREATE TRIGGER claims_story_by_edit BEFORE UPDATE OF story ON claims
WHEN NEW.story IS NOT OLD.story AND NEW.story IS NOT (
    SELECT new_value FROM claim_edits WHERE claim_id = NEW.id AND field = 'story'
    ORDER BY id DESC LIMIT 1
)
BEGIN SELECT RAISE(ABORT, 'a claim''s story changes only by an edit'); END;
CREATE TRIGGER claims_made_at_by_edit BEFORE UPDATE OF made_at ON claims
WHEN NEW.made_at IS NOT OLD.made_at AND NEW.made_at IS NOT (
    SELECT new_value FROM claim_edits WHERE claim_id = NEW.id AND field = 'made_at'
    ORDER BY id DESC LIMIT 1
)
BEGIN SELECT RAISE(ABORT, 'a claim''s date changes only by an edit'); END;
