//! Building report data from imported documents and from scores (placeholder).
