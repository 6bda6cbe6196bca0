-- Organisation's published read views (ADR 3): other modules' SQL reads organisation data only
-- through these, never org_ tables. Columns are a stable contract; adding a column is allowed,
-- renaming or removing one needs a new view and a migration of every reader.

-- Every municipality: four-digit SCB code, short name, two-digit county code, kommungrupp code (or null).
CREATE VIEW org_v_municipality AS
SELECT code, name, county_code, group_code
FROM org_municipality;

-- SKR's kommungrupper 2017: code, name, main group letter and Kolada's group id (or null).
CREATE VIEW org_v_municipality_group AS
SELECT code, name, main_group, kolada_group_id
FROM org_municipality_group;

-- Population per municipality, year, legal sex (K, M) and age band (0-5, 6-15, 16-19, 20-64, 65-79, 80+).
CREATE VIEW org_v_population AS
SELECT municipality_code, stat_year, sex, age_band, population
FROM org_population;
