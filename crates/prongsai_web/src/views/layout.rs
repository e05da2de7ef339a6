//! The page chrome every page template receives: texts, title, user, CSRF token and navigation.

use prongsai_db::AgencyId;

use crate::auth::Principal;
use crate::authz::{self, Action, Resource};
use crate::config::Language;
use crate::texts::Texts;

/// One navigation link.
#[derive(Debug, Clone)]
pub struct NavLink {
    /// Target.
    pub href: String,
    /// Label.
    pub label: &'static str,
    /// Whether this is the current page (gets `aria-current`).
    pub current: bool,
}

/// What the base template needs.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Texts of the page's language.
    pub t: &'static Texts,
    /// Page language.
    pub lang: Language,
    /// `<title>` and `<h1>`.
    pub title: String,
    /// Name of the logged-in user, if any.
    pub user_name: Option<String>,
    /// CSRF token for the logout and language forms.
    pub csrf: String,
    /// Navigation links.
    pub nav: Vec<NavLink>,
    /// A one-line notice ("saved").
    pub notice: Option<String>,
}

/// Which agency page is being shown, for the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Dashboard.
    Dashboard,
    /// Scores.
    Scores,
    /// Analysis.
    Analysis,
    /// Measures.
    Measures,
    /// Documents.
    Documents,
    /// Import.
    Import,
    /// Users.
    Users,
    /// Units.
    Units,
    /// Audit log.
    Audit,
    /// The agency's own details (system administrators).
    Agency,
}

impl Layout {
    /// Chrome for a page; `me` is `None` on the login page.
    pub fn new(
        t: &'static Texts,
        lang: Language,
        title: String,
        me: Option<&Principal>,
        csrf: String,
    ) -> Layout {
        let mut nav = Vec::new();
        if me.is_some() {
            nav.push(NavLink {
                href: "/".into(),
                label: t.nav_home,
                current: false,
            });
        }
        Layout {
            t,
            lang,
            title,
            user_name: me.map(|p| p.user.display_name.clone()),
            csrf,
            nav,
            notice: None,
        }
    }

    /// Adds the links of an agency's pages for `year`, only those the user may open.
    pub fn agency_nav(
        mut self,
        me: &Principal,
        agency: &prongsai_db::agencies::Agency,
        year: u16,
        current: Section,
    ) -> Layout {
        let t = self.t;
        let id: AgencyId = agency.id;
        let res = Resource::agency(agency);
        let y = format!("/agencies/{id}/years/{year}");
        let items: [(Section, String, &'static str, Action); 10] = [
            (
                Section::Dashboard,
                format!("/agencies/{id}?year={year}"),
                t.nav_dashboard,
                Action::Read,
            ),
            (
                Section::Scores,
                format!("{y}/scores"),
                t.nav_scores,
                Action::Read,
            ),
            (
                Section::Analysis,
                format!("{y}/analysis"),
                t.nav_analysis,
                Action::Read,
            ),
            (
                Section::Measures,
                format!("{y}/measures"),
                t.nav_measures,
                Action::Read,
            ),
            (
                Section::Documents,
                format!("{y}/documents"),
                t.nav_documents,
                Action::Read,
            ),
            (
                Section::Import,
                format!("/agencies/{id}/import"),
                t.nav_import,
                Action::Import,
            ),
            (
                Section::Users,
                format!("/agencies/{id}/users"),
                t.nav_users,
                Action::ManageUsers,
            ),
            (
                Section::Units,
                format!("/agencies/{id}/units"),
                t.nav_units,
                Action::ManageUnits,
            ),
            (
                Section::Audit,
                format!("/agencies/{id}/audit"),
                t.nav_audit,
                Action::ReadAudit,
            ),
            (
                Section::Agency,
                format!("/agencies/{id}/edit"),
                t.admin.nav_agency,
                Action::ManageAgencies,
            ),
        ];
        for (section, href, label, action) in items {
            if authz::can(me, action, &res) {
                self.nav.push(NavLink {
                    href,
                    label,
                    current: section == current,
                });
            }
        }
        self
    }

    /// Sets the one-line notice.
    pub fn notice(mut self, text: impl Into<String>) -> Layout {
        self.notice = Some(text.into());
        self
    }

    /// The language the switch button changes to.
    pub fn other_lang(&self) -> &'static str {
        match self.lang {
            Language::Th => "en",
            Language::En => "th",
        }
    }
}
