-- The agency's own words in its published documents: an optional note per analysed indicator, each
-- document's title, introduction and closing per year, and who signs them (the head of agency).
ALTER TABLE analysis_notes ADD COLUMN note TEXT NOT NULL DEFAULT '';

CREATE TABLE document_texts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id BIGINT NOT NULL REFERENCES agencies (id),
    fiscal_year BIGINT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    intro TEXT NOT NULL,
    closing TEXT NOT NULL,
    signed_on TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (agency_id, fiscal_year, kind)
);

CREATE TABLE agency_signers (
    agency_id BIGINT PRIMARY KEY REFERENCES agencies (id),
    name TEXT NOT NULL,
    position TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
