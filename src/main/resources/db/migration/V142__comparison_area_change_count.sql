-- Comparison: the medians of regions, kommungrupper and the nation without reading every
-- municipality (issue 19, point 2).
--
-- cmp_area_change_count holds, per median indicator, area above the municipality (region,
-- kommungrupp, nation), year and gender, how many clients had each change of score: the sum of its member
-- municipalities' rows in cmp_change_count (legal sex to gender as in cmp_gender). A refresh of a
-- few municipalities subtracts their old counts from the areas they belong to and adds their new
-- ones, so an area's median is read from its own few hundred rows, however many municipalities and
-- clients it has. A full refresh rewrites the table from cmp_change_count.
CREATE TABLE cmp_area_change_count (
    indicator_id VARCHAR(20) NOT NULL REFERENCES cmp_indicator (id) ON DELETE CASCADE,
    area_code    VARCHAR(20) NOT NULL,
    area_kind    VARCHAR(20) NOT NULL,
    stat_year    INTEGER     NOT NULL,
    gender       VARCHAR(1)  NOT NULL,
    change       DOUBLE PRECISION NOT NULL,
    clients      INTEGER     NOT NULL,
    CONSTRAINT cmp_area_change_count_pk PRIMARY KEY (indicator_id, area_code, stat_year, gender, change)
);

-- the stored municipality counts are current with the stored results: the areas' sums from them
INSERT INTO cmp_area_change_count (indicator_id, area_code, area_kind, stat_year, gender, change, clients)
SELECT s.indicator_id, a.area_code, a.area_kind, s.stat_year, g.gender, s.change, SUM(s.clients)
FROM cmp_change_count s
JOIN cmp_area_member a ON a.municipality_code = s.municipality_code AND a.area_kind <> 'municipality'
JOIN cmp_gender g ON g.legal_sex = s.legal_sex
GROUP BY s.indicator_id, a.area_code, a.area_kind, s.stat_year, g.gender, s.change;

-- While a partial refresh corrects the areas' counts: the covered municipalities' old counts (with
-- a minus sign), their new ones and the affected areas' stored rows, summed into the new rows of
-- those areas. Emptied in the same transaction; refreshes hold the results lock, one at a time.
CREATE TABLE cmp_scratch_area_change (
    indicator_id VARCHAR(20) NOT NULL,
    area_code    VARCHAR(20) NOT NULL,
    area_kind    VARCHAR(20) NOT NULL,
    stat_year    INTEGER     NOT NULL,
    gender       VARCHAR(1)  NOT NULL,
    change       DOUBLE PRECISION NOT NULL,
    clients      INTEGER     NOT NULL
);
CREATE INDEX cmp_scratch_area_change_indicator ON cmp_scratch_area_change (indicator_id);
