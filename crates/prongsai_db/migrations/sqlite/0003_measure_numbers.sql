-- Measure numbers unique per agency and fiscal year; invitations to an agency role (SQLite dialect).
-- Keep in step with ../postgres/0003_measure_numbers.sql: the two files differ only in the id column.

-- 1. Earlier versions could give two measures the same number (concurrent creation). Every measure that
--    repeats a number already used by an older measure of its year moves after the year's highest number,
--    in id order, so the unique index below can be built. Measures without a duplicate keep their number.
CREATE TEMPORARY TABLE measure_renumber AS
SELECT d.id AS id,
       g.top + ROW_NUMBER() OVER (PARTITION BY d.agency_id, d.fiscal_year ORDER BY d.id) AS number
FROM measures d
JOIN (SELECT agency_id, fiscal_year, MAX(number) AS top FROM measures GROUP BY agency_id, fiscal_year) g
  ON g.agency_id = d.agency_id AND g.fiscal_year = d.fiscal_year
WHERE EXISTS (
    SELECT 1 FROM measures e
    WHERE e.agency_id = d.agency_id AND e.fiscal_year = d.fiscal_year AND e.number = d.number AND e.id < d.id
);
UPDATE measures SET number = (SELECT r.number FROM measure_renumber r WHERE r.id = measures.id)
WHERE id IN (SELECT id FROM measure_renumber);
DROP TABLE measure_renumber;

DROP INDEX measures_agency_year;
CREATE UNIQUE INDEX measures_agency_year_number ON measures (agency_id, fiscal_year, number);

-- 2. Adding an existing account to an agency does not grant the role: it leaves an invitation that the
--    account's owner accepts or declines after logging in. One row per pending invitation; accepting turns
--    it into a membership, declining deletes it (both audited).
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    agency_id BIGINT NOT NULL REFERENCES agencies (id),
    unit_id BIGINT REFERENCES units (id),
    invited_by BIGINT REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX invitations_unique ON invitations (user_id, role, agency_id, COALESCE(unit_id, 0));
CREATE INDEX invitations_agency ON invitations (agency_id);
