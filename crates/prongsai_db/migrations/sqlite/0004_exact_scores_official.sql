-- Scores as entered (the shortest decimal text of the number, e.g. "84.99999999"), so nothing is rounded before
-- scoring; score_hundredths stays for older rows and readers. Rows written before this have score_exact NULL.
ALTER TABLE assessment_scores ADD COLUMN score_exact TEXT;

-- The result the NACC published for an agency's year (total, level, tool and indicator scores) as JSON.
CREATE TABLE official_results (
    agency_id BIGINT NOT NULL REFERENCES agencies (id),
    fiscal_year BIGINT NOT NULL,
    result_json TEXT NOT NULL,
    source TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (agency_id, fiscal_year)
);
