//! View models and formatting shared by the pages: the page chrome, numbers, Buddhist-era dates.

pub mod dates;
pub mod format;
pub mod layout;

use askama::Template;
use axum::response::Html;

use crate::error::WebError;

/// Renders a template into an HTML response.
pub fn render<T: Template>(t: &T) -> Result<Html<String>, WebError> {
    Ok(Html(t.render()?))
}
