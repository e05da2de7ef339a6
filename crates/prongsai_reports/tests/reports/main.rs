//! The one integration-test binary of prongsai_reports: every format rendered from real seed data.

mod common;
mod docx;
mod docx_charts;
mod docx_pages;
mod fidelity;
mod html;
mod html_font;
mod line_breaks;
mod pdf;
mod rounding;
mod text_layer;
