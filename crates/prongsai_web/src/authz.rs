//! The one place that decides who may do what: `can(principal, action, resource)`.
//!
//! Handlers load the resource, then call [`require`]: allowed → go on; not allowed but the
//! agency is visible → 403; the agency is not visible at all → 404, so another agency's data
//! is invisible, not merely forbidden.

use prongsai_db::{
    AgencyId, UnitId, agencies::Agency, memberships::Membership, memberships::Role,
    memberships::Scope,
};

use crate::auth::Principal;
use crate::error::WebError;

/// What someone wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// See the agency (dashboard, scores, analysis, measures, documents) or a province overview.
    Read,
    /// Enter or replace the year's scores.
    EditScores,
    /// Create measures, copy last year's.
    CreateMeasure,
    /// Edit a measure (title, period, status, responsible units, outcome). Not unit officers.
    EditMeasure,
    /// Record progress and evidence on a measure (unit officers: only their unit's measures).
    AddProgress,
    /// Import a legacy document's measures.
    Import,
    /// Write the year's analysis texts and the published documents' own words (title,
    /// introduction, closing, signer).
    EditDocuments,
    /// Manage the agency's users and their roles.
    ManageUsers,
    /// Manage the agency's units.
    ManageUnits,
    /// Read the audit log.
    ReadAudit,
    /// Create agencies (system level).
    ManageAgencies,
}

/// What the action is about.
#[derive(Debug, Clone, Copy)]
pub enum Resource<'a> {
    /// The whole installation.
    System,
    /// A province (the overview page).
    Province(&'a str),
    /// An agency.
    Agency {
        /// Its id.
        id: AgencyId,
        /// Its province.
        province: &'a str,
    },
    /// A measure of an agency, with the units responsible for it.
    Measure {
        /// Agency id.
        agency: AgencyId,
        /// Agency province.
        province: &'a str,
        /// Responsible units.
        units: &'a [UnitId],
    },
}

impl<'a> Resource<'a> {
    /// The resource of an agency row.
    pub fn agency(a: &'a Agency) -> Resource<'a> {
        Resource::Agency {
            id: a.id,
            province: &a.province,
        }
    }

    /// The resource of a measure of agency `a`.
    pub fn measure(a: &'a Agency, units: &'a [UnitId]) -> Resource<'a> {
        Resource::Measure {
            agency: a.id,
            province: &a.province,
            units,
        }
    }

    fn agency_parts(&self) -> Option<(AgencyId, &'a str)> {
        match *self {
            Resource::Agency { id, province } => Some((id, province)),
            Resource::Measure {
                agency, province, ..
            } => Some((agency, province)),
            Resource::System | Resource::Province(_) => None,
        }
    }
}

/// Whether one membership allows `action` on `res`.
fn allows(m: &Membership, action: Action, res: &Resource<'_>) -> bool {
    use Action::*;
    let agency = res.agency_parts();
    match (&m.role, &m.scope) {
        (Role::SystemAdmin, _) => true,
        (Role::ProvinceSupervisor, Scope::Province(p)) => {
            action == Read
                && match *res {
                    Resource::Province(q) => q == p,
                    _ => agency.is_some_and(|(_, q)| q == p),
                }
        }
        (role, Scope::Agency(own)) | (role, Scope::Unit { agency_id: own, .. }) => {
            let Some((id, _)) = agency else { return false };
            if id != *own {
                return false;
            }
            match role {
                Role::AgencyAdmin => action != ManageAgencies,
                Role::Editor => matches!(
                    action,
                    Read | EditScores
                        | CreateMeasure
                        | EditMeasure
                        | AddProgress
                        | Import
                        | EditDocuments
                ),
                // A unit officer reads the agency and records progress (entries, evidence) on the
                // measures their unit is responsible for, nothing more: editing a measure would let
                // them hand it to another unit (or take their own unit off it), so it stays with
                // editors and agency admins.
                Role::UnitOfficer => match action {
                    Read => true,
                    AddProgress => match (&m.scope, res) {
                        (Scope::Unit { unit_id, .. }, Resource::Measure { units, .. }) => {
                            units.contains(unit_id)
                        }
                        _ => false,
                    },
                    _ => false,
                },
                Role::Viewer => action == Read,
                Role::SystemAdmin | Role::ProvinceSupervisor => false,
            }
        }
        // A role whose scope does not fit it grants nothing (the database refuses such rows anyway).
        (Role::ProvinceSupervisor, _) => false,
        (_, Scope::System | Scope::Province(_)) => false,
    }
}

/// Whether `me` may do `action` on `res`.
pub fn can(me: &Principal, action: Action, res: &Resource<'_>) -> bool {
    me.memberships.iter().any(|m| allows(m, action, res))
}

/// `Ok` when allowed; 404 when the resource is not even readable; 403 otherwise.
pub fn require(me: &Principal, action: Action, res: &Resource<'_>) -> Result<(), WebError> {
    if can(me, action, res) {
        Ok(())
    } else if can(me, Action::Read, res) {
        Err(WebError::Forbidden)
    } else {
        Err(WebError::NotFound)
    }
}

/// Whether `me` is a system administrator.
pub fn is_system_admin(me: &Principal) -> bool {
    can(me, Action::ManageAgencies, &Resource::System)
}
