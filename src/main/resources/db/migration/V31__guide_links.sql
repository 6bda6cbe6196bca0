-- Instruments and indicators name the knowledge-guide entry that describes them, so that an entry
-- shows where it is used and cannot be archived from under them.
ALTER TABLE fup_instrument ADD COLUMN guide_entry VARCHAR(200);
ALTER TABLE cmp_indicator ADD COLUMN guide_entry VARCHAR(200);
UPDATE fup_instrument SET guide_entry = 'who-5' WHERE code = 'who5';
UPDATE fup_instrument SET guide_entry = 'asi' WHERE code = 'severity';
UPDATE cmp_indicator SET guide_entry = 'who-5' WHERE id IN ('S00001', 'S00002');
UPDATE cmp_indicator SET guide_entry = 'asi' WHERE id = 'S00006';
UPDATE cmp_indicator SET guide_entry = 'nationella-riktlinjer-missbruk-och-beroende' WHERE id = 'S00005';
