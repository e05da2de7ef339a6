//! Every UI string, once per language: `Texts::th()` (primary) and `Texts::en()`.

mod admin;
mod en;
mod results;
mod th;

pub use admin::AdminTexts;
pub use results::ResultTexts;

use crate::config::Language;

/// The strings of the user interface in one language.
#[derive(Debug)]
pub struct Texts {
    /// `th` / `en`, for `<html lang>`.
    pub lang: &'static str,
    /// Application name.
    pub app_name: &'static str,
    /// Skip link.
    pub skip_to_content: &'static str,
    /// Navigation: home.
    pub nav_home: &'static str,
    /// Navigation: dashboard.
    pub nav_dashboard: &'static str,
    /// Navigation: scores.
    pub nav_scores: &'static str,
    /// Navigation: analysis.
    pub nav_analysis: &'static str,
    /// Navigation: measures.
    pub nav_measures: &'static str,
    /// Navigation: documents.
    pub nav_documents: &'static str,
    /// Navigation: import a legacy document.
    pub nav_import: &'static str,
    /// Navigation: users.
    pub nav_users: &'static str,
    /// Navigation: units.
    pub nav_units: &'static str,
    /// Navigation: audit log.
    pub nav_audit: &'static str,
    /// Log out button.
    pub logout: &'static str,
    /// Label of the other language's switch button.
    pub switch_language: &'static str,
    /// Login page title.
    pub login_title: &'static str,
    /// Email label.
    pub email: &'static str,
    /// Password label.
    pub password: &'static str,
    /// Login button.
    pub login_button: &'static str,
    /// Bad credentials.
    pub login_failed: &'static str,
    /// Throttled.
    pub login_throttled: &'static str,
    /// Generic error page title.
    pub error_title: &'static str,
    /// Back to home link.
    pub back_home: &'static str,
    /// Save button.
    pub save: &'static str,
    /// Cancel link.
    pub cancel: &'static str,
    /// Fiscal year label.
    pub fiscal_year: &'static str,
    /// "Agencies" heading.
    pub agencies: &'static str,
    /// Province.
    pub province: &'static str,
    /// District.
    pub district: &'static str,
    /// Agency name.
    pub agency_name: &'static str,
    /// Total score.
    pub total: &'static str,
    /// Grade.
    pub grade: &'static str,
    /// Passed the 85 mark.
    pub passed: &'static str,
    /// Did not pass.
    pub not_passed: &'static str,
    /// Verdict heading.
    pub verdict: &'static str,
    /// Tool scores heading.
    pub tool_scores: &'static str,
    /// Indicator scores heading.
    pub indicator_scores: &'static str,
    /// Change from last year.
    pub change_from_last_year: &'static str,
    /// No scores entered yet.
    pub no_scores_yet: &'static str,
    /// Enter scores link.
    pub enter_scores: &'static str,
    /// Measures by status heading.
    pub measures_by_status: &'static str,
    /// Overdue heading.
    pub overdue: &'static str,
    /// Nothing overdue.
    pub nothing_overdue: &'static str,
    /// Score.
    pub score: &'static str,
    /// Code.
    pub code: &'static str,
    /// Question / item text.
    pub question: &'static str,
    /// Indicator.
    pub indicator: &'static str,
    /// Tool.
    pub tool: &'static str,
    /// Scores page title.
    pub scores_title: &'static str,
    /// Grid section heading.
    pub scores_grid: &'static str,
    /// Grid help text.
    pub scores_grid_help: &'static str,
    /// Upload section heading.
    pub scores_upload: &'static str,
    /// Upload help text.
    pub scores_upload_help: &'static str,
    /// File label.
    pub file: &'static str,
    /// Upload button.
    pub upload: &'static str,
    /// Paste section heading.
    pub scores_paste: &'static str,
    /// Paste help text.
    pub scores_paste_help: &'static str,
    /// Errors summary heading.
    pub fix_errors: &'static str,
    /// Saved notice.
    pub saved: &'static str,
    /// Not a number.
    pub err_not_number: &'static str,
    /// OIT items take มี/ไม่มี.
    pub oit_hint: &'static str,
    /// Analysis page title.
    pub analysis_title: &'static str,
    /// Weakest questions.
    pub weakest: &'static str,
    /// Cause.
    pub cause: &'static str,
    /// Guidance.
    pub guidance: &'static str,
    /// OIT references.
    pub oit_refs: &'static str,
    /// Create a measure from this finding.
    pub create_measure_from: &'static str,
    /// Measures page title.
    pub measures_title: &'static str,
    /// New measure button.
    pub new_measure: &'static str,
    /// Copy last year's measures.
    pub copy_last_year: &'static str,
    /// Copied notice prefix.
    pub copied: &'static str,
    /// Measure title.
    pub measure_title: &'static str,
    /// Analysis finding the measure answers.
    pub measure_analysis: &'static str,
    /// Steps, one per line.
    pub measure_steps: &'static str,
    /// Linked codes.
    pub measure_links: &'static str,
    /// Linked codes help.
    pub measure_links_help: &'static str,
    /// Period.
    pub period: &'static str,
    /// Start date.
    pub period_start: &'static str,
    /// End date.
    pub period_end: &'static str,
    /// Date help (BE).
    pub date_help: &'static str,
    /// Period as text.
    pub period_text: &'static str,
    /// Status.
    pub status: &'static str,
    /// Responsible units.
    pub units: &'static str,
    /// Outcome.
    pub outcome: &'static str,
    /// Edit link.
    pub edit: &'static str,
    /// No measures.
    pub no_measures: &'static str,
    /// Required field.
    pub err_required: &'static str,
    /// Bad date.
    pub err_date: &'static str,
    /// Text longer than its field allows (followed by the limit).
    pub err_too_long: &'static str,
    /// Too many steps (followed by the limit).
    pub err_too_many_steps: &'static str,
    /// "characters typed" (followed by the count).
    pub err_typed: &'static str,
    /// End before start.
    pub err_period_order: &'static str,
    /// Timeline heading.
    pub timeline: &'static str,
    /// Add progress heading.
    pub add_progress: &'static str,
    /// Progress date.
    pub progress_date: &'static str,
    /// What was done.
    pub progress_text: &'static str,
    /// Evidence.
    pub evidence: &'static str,
    /// Evidence help (types, size).
    pub evidence_help: &'static str,
    /// Links, one per line.
    pub evidence_links: &'static str,
    /// Bad file type.
    pub err_file_type: &'static str,
    /// File too big.
    pub err_file_size: &'static str,
    /// Bad URL.
    pub err_url: &'static str,
    /// No progress yet.
    pub no_progress: &'static str,
    /// Documents heading.
    pub documents_title: &'static str,
    /// Why a document needs scores.
    pub documents_need_scores: &'static str,
    /// Why a document needs measures.
    pub documents_need_measures: &'static str,
    /// Show the PDF in the page.
    pub documents_preview: &'static str,
    /// Title of the preview frame.
    pub documents_preview_title: &'static str,
    /// Legend of a document's own words.
    pub documents_texts: &'static str,
    /// Title field.
    pub documents_title_field: &'static str,
    /// Introduction field.
    pub documents_intro: &'static str,
    /// Closing field.
    pub documents_closing: &'static str,
    /// Signing date field.
    pub documents_signed_on: &'static str,
    /// Legend of the signer form.
    pub signer_legend: &'static str,
    /// Signer's name.
    pub signer_name: &'static str,
    /// Signer's position.
    pub signer_position: &'static str,
    /// Legend of an indicator's editable texts.
    pub analysis_texts: &'static str,
    /// Optional note field.
    pub analysis_note: &'static str,
    /// Badge: the agency's own text.
    pub analysis_own_words: &'static str,
    /// Badge: our default text.
    pub analysis_default_words: &'static str,
    /// Import page title.
    pub import_title: &'static str,
    /// Import help.
    pub import_help: &'static str,
    /// Preview heading.
    pub import_preview: &'static str,
    /// Confirm import button.
    pub import_confirm: &'static str,
    /// Unrecognised lines.
    pub import_unrecognised: &'static str,
    /// Users heading.
    pub users_title: &'static str,
    /// Display name.
    pub display_name: &'static str,
    /// Role.
    pub role: &'static str,
    /// Add user.
    pub add_user: &'static str,
    /// Unit.
    pub unit: &'static str,
    /// Units heading.
    pub units_title: &'static str,
    /// Add unit.
    pub add_unit: &'static str,
    /// Audit heading.
    pub audit_title: &'static str,
    /// When.
    pub when: &'static str,
    /// Who.
    pub who: &'static str,
    /// Action.
    pub action: &'static str,
    /// Province view heading.
    pub province_title: &'static str,
    /// No agencies.
    pub no_agencies: &'static str,
    /// Add agency.
    pub add_agency: &'static str,
    /// Kind of agency.
    pub agency_kind: &'static str,
    /// Pass mark label.
    pub pass_mark: &'static str,
    /// Target reached.
    pub target_reached: &'static str,
    /// Target not reached.
    pub target_not_reached: &'static str,
    /// API tokens page title.
    pub tokens_title: &'static str,
    /// Revoke button.
    pub revoke: &'static str,
    /// Shown with a new secret.
    pub token_once: &'static str,
    /// Change-password page title.
    pub password_title: &'static str,
    /// Current password label.
    pub current_password: &'static str,
    /// New password label.
    pub new_password: &'static str,
    /// Repeat label.
    pub confirm_password: &'static str,
    /// Policy help under the new password.
    pub password_help: &'static str,
    /// Notice after a change.
    pub password_changed: &'static str,
    /// Wrong current password.
    pub err_current_password: &'static str,
    /// Repeat differs.
    pub err_password_mismatch: &'static str,
    /// Reset page title.
    pub reset_title: &'static str,
    /// Used, expired or unknown link.
    pub reset_invalid: &'static str,
    /// Shown with a new reset link.
    pub reset_link_made: &'static str,
    /// Button creating a reset link.
    pub reset_link_button: &'static str,
    /// The administration pages' texts.
    pub admin: &'static AdminTexts,
    /// Result texts (levels, official result, assumptions).
    pub results: &'static ResultTexts,
}

impl Texts {
    /// The texts of `lang`.
    pub fn of(lang: Language) -> &'static Texts {
        match lang {
            Language::Th => Texts::th(),
            Language::En => Texts::en(),
        }
    }

    /// Thai.
    pub fn th() -> &'static Texts {
        &th::TH
    }

    /// English.
    pub fn en() -> &'static Texts {
        &en::EN
    }
}
