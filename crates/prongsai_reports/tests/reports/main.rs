//! The one integration-test binary of prongsai_reports: every format rendered from real seed data.

mod common;
mod docx;
mod fidelity;
mod html;
mod pdf;
mod rounding;
