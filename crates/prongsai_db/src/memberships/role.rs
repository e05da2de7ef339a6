//! Roles and the scopes they apply to: slugs, Thai labels, which scope fits which role.

use serde::{Deserialize, Serialize};

use crate::{AgencyId, DbError, UnitId};

/// A role; what each may do is decided by the web crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Runs the whole installation (scope: none).
    SystemAdmin,
    /// Oversees every agency of a province (scope: a province).
    ProvinceSupervisor,
    /// Manages one agency: its users, units and data (scope: an agency).
    AgencyAdmin,
    /// Edits one agency's data (scope: an agency).
    Editor,
    /// Reports progress for one unit's measures (scope: an agency and a unit).
    UnitOfficer,
    /// Reads one agency's data (scope: an agency).
    Viewer,
}

impl Role {
    /// Every role, most powerful first.
    pub const ALL: [Role; 6] = [
        Role::SystemAdmin,
        Role::ProvinceSupervisor,
        Role::AgencyAdmin,
        Role::Editor,
        Role::UnitOfficer,
        Role::Viewer,
    ];

    /// The stored slug, e.g. `agency_admin`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::SystemAdmin => "system_admin",
            Role::ProvinceSupervisor => "province_supervisor",
            Role::AgencyAdmin => "agency_admin",
            Role::Editor => "editor",
            Role::UnitOfficer => "unit_officer",
            Role::Viewer => "viewer",
        }
    }

    /// Same as [`Role::as_str`].
    pub fn slug(self) -> &'static str {
        self.as_str()
    }

    /// The Thai name shown in the UI.
    pub fn label_th(self) -> &'static str {
        match self {
            Role::SystemAdmin => "ผู้ดูแลระบบ",
            Role::ProvinceSupervisor => "ผู้กำกับดูแลระดับจังหวัด",
            Role::AgencyAdmin => "ผู้ดูแลหน่วยงาน",
            Role::Editor => "ผู้จัดทำข้อมูล",
            Role::UnitOfficer => "เจ้าหน้าที่ส่วนราชการ",
            Role::Viewer => "ผู้ดูข้อมูล",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Role::SystemAdmin => "System administrator",
            Role::ProvinceSupervisor => "Province supervisor",
            Role::AgencyAdmin => "Agency administrator",
            Role::Editor => "Editor",
            Role::UnitOfficer => "Unit officer",
            Role::Viewer => "Viewer",
        }
    }

    /// The role a slug names.
    pub fn from_slug(slug: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == slug)
    }
}

impl std::str::FromStr for Role {
    type Err = DbError;

    /// Parses a slug; unknown slugs are `Invalid`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::from_slug(s.trim()).ok_or_else(|| DbError::Invalid(format!("unknown role {s:?}")))
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a role applies. Each role has exactly one fitting scope kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Everywhere (system admin).
    System,
    /// Every agency of a province, named as on agencies (province supervisor).
    Province(String),
    /// One agency (agency admin, editor, viewer).
    Agency(AgencyId),
    /// One unit of one agency (unit officer).
    Unit {
        /// The agency.
        agency_id: AgencyId,
        /// The unit, which must belong to the agency.
        unit_id: UnitId,
    },
}

impl Scope {
    /// The agency this scope is tied to, if any.
    pub fn agency_id(&self) -> Option<AgencyId> {
        match self {
            Scope::Agency(agency_id) | Scope::Unit { agency_id, .. } => Some(*agency_id),
            Scope::System | Scope::Province(_) => None,
        }
    }

    pub(super) fn fits(&self, role: Role) -> bool {
        matches!(
            (role, self),
            (Role::SystemAdmin, Scope::System)
                | (Role::ProvinceSupervisor, Scope::Province(_))
                | (
                    Role::AgencyAdmin | Role::Editor | Role::Viewer,
                    Scope::Agency(_)
                )
                | (Role::UnitOfficer, Scope::Unit { .. })
        )
    }
}
