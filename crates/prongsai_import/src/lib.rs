//! Pure parsers: the bytes of score files, response files and national directories → domain values, with located errors.

pub mod codes;
pub mod error;
pub mod national;
pub mod report;
pub mod responses;
pub mod score_file;
pub mod table;

pub use error::{ImportError, Located};
pub use responses::parse_responses;
pub use score_file::{ScoreInput, parse_score_file, parse_score_input};
