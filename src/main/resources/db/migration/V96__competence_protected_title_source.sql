-- The source of the protected title undersköterska (ADR 12). V90 cited only "the 2023 reform". The
-- statutory basis is stated as 4 kap. 4 § patientsäkerhetslagen (2010:659) as amended in 2022, in
-- force 1 July 2023, but neither the paragraph nor the amending SFS number is in the project's
-- domain facts: the source says so plainly, so that no one relies on it in a decision before
-- checking it in Svensk författningssamling. The law protects the title (only a holder of
-- Socialstyrelsen's certificate may call themselves undersköterska); it does not make any task
-- require it. A catalogue row that an analyst has changed since the seed is left as it is.
UPDATE cpt_requirement
SET source = 'Skyddad yrkestitel undersköterska från 1 juli 2023 (bevis från Socialstyrelsen). Angiven grund: 4 kap. 4 § patientsäkerhetslagen (2010:659) i lydelse enligt ändring 2022. OVERIFIERAT: paragrafen och ändringens SFS-nummer är inte kontrollerade mot Samsyns domänunderlag; kontrollera i Svensk författningssamling innan kravet används i ett beslut. Lagen skyddar titeln; den kräver den inte för någon uppgift.',
    updated_at = CURRENT_TIMESTAMP
WHERE code = 'title-underskoterska' AND updated_by = 'system';
