-- Version 8: a correction is applied by claimtrail's engine, as on a desk server, rather
-- than by a trigger here. The triggers that refuse an edit recording the wrong old value,
-- and a change to a claim no edit explains, stay.
DROP TRIGGER claim_edits_apply;
