//! The one integration-test binary of prongsai_reports: every format rendered from real seed data.

mod common;
mod docx;
mod html;
mod line_breaks;
mod pdf;
mod rounding;
mod text_layer;
