//! `GET/POST /agencies/{id}/users`: the agency's users, their roles and login state; agency admins add users.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::memberships::{self, Role, Scope};
use prongsai_db::users::{self, NewUser};
use prongsai_db::{AgencyId, UnitId, agencies::Agency, units};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{PageCtx, hash_password_async};
use crate::authz::Action;
use crate::error::{FieldError, WebError};
use crate::pages::{Notice, agency_for, agency_year};
use crate::views::layout::{Layout, Section};
use crate::views::render;

/// Roles an agency admin may grant inside the agency.
pub(super) const AGENCY_ROLES: [Role; 4] = [
    Role::AgencyAdmin,
    Role::Editor,
    Role::UnitOfficer,
    Role::Viewer,
];

/// One role grant of a user in this agency, with what its change-role form preselects.
struct GrantRow {
    id: i64,
    role: &'static str,
    unit: Option<i64>,
}

struct UserRow {
    id: i64,
    email: String,
    name: String,
    roles: String,
    grants: Vec<GrantRow>,
    disabled: bool,
    is_me: bool,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    layout: Layout,
    action: String,
    agency_id: i64,
    rows: Vec<UserRow>,
    roles: Vec<(&'static str, &'static str)>,
    units: Vec<(i64, String)>,
    form: UserForm,
    errors: Vec<FieldError>,
    /// Invitations not answered yet: (email, role label).
    pending: Vec<(String, String)>,
}

impl UsersPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }

    fn grant_error(&self, id: &i64) -> Option<String> {
        self.error(&format!("grant-{id}"))
    }

    fn login_error(&self, id: &i64) -> Option<String> {
        self.error(&format!("login-{id}"))
    }

    fn unit_selected(&self, grant: &GrantRow, unit: &i64) -> bool {
        grant.unit == Some(*unit)
    }
}

/// The add-user form.
#[derive(Debug, Default, Deserialize)]
pub struct UserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    unit: String,
}

/// The users page with the add form showing `form`, the `errors` at their fields and an optional notice.
pub(super) async fn page(
    app: &AppState,
    ctx: &PageCtx,
    agency: &Agency,
    form: UserForm,
    errors: Vec<FieldError>,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let members = memberships::for_agency(&app.db, agency.id).await?;
    let mut rows = Vec::new();
    for u in users::list(&app.db, Some(agency.id)).await? {
        let mine: Vec<_> = members.iter().filter(|m| m.user_id == u.id).collect();
        let roles = mine
            .iter()
            .map(|m| {
                if ctx.lang == crate::config::Language::En {
                    m.role.label_en()
                } else {
                    m.role.label_th()
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        let grants = mine
            .iter()
            .map(|m| GrantRow {
                id: m.id.0,
                role: m.role.slug(),
                unit: match &m.scope {
                    Scope::Unit { unit_id, .. } => Some(unit_id.0),
                    _ => None,
                },
            })
            .collect();
        rows.push(UserRow {
            id: u.id.0,
            is_me: u.id == ctx.me.user.id,
            email: u.email,
            name: u.display_name,
            roles,
            grants,
            disabled: u.disabled,
        });
    }
    let mut layout = ctx.layout(ctx.t().users_title).agency_nav(
        &ctx.me,
        agency,
        agency_year(app, agency.id).await?,
        Section::Users,
    );
    if let Some(n) = notice {
        layout = layout.notice(n);
    }
    let p = UsersPage {
        layout,
        action: format!("/agencies/{}/users", agency.id),
        agency_id: agency.id.0,
        rows,
        roles: AGENCY_ROLES
            .iter()
            .map(|r| (r.slug(), r.label_th()))
            .collect(),
        units: units::list(&app.db, agency.id)
            .await?
            .into_iter()
            .map(|u| (u.id.0, u.name))
            .collect(),
        form: UserForm {
            password: String::new(),
            ..form
        },
        errors,
        pending: memberships::invitations_for_agency(&app.db, agency.id)
            .await?
            .into_iter()
            .map(|i| {
                let role = if ctx.lang == crate::config::Language::En {
                    i.role.label_en()
                } else {
                    i.role.label_th()
                };
                (i.email, role.to_string())
            })
            .collect(),
    };
    Ok((status, render(&p)?).into_response())
}

/// `GET` the list and the add form.
pub async fn list(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
    Query(n): Query<Notice>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageUsers).await?;
    let notice = if n.invited.is_some() {
        Some(ctx.t().admin.invited)
    } else {
        n.saved.map(|_| ctx.t().saved)
    };
    page(
        &app,
        &ctx,
        &agency,
        UserForm::default(),
        Vec::new(),
        StatusCode::OK,
        notice,
    )
    .await
}

/// `POST` an invitation: to a new account (created with the password typed) or to an existing one; the
/// answer is the same in both cases and nothing is granted until the invited person accepts.
pub async fn create(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
    Form(f): Form<UserForm>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageUsers).await?;
    let t = ctx.t();
    let mut errors = Vec::new();
    let email = f.email.trim().to_lowercase();
    if !email.contains('@') {
        errors.push(FieldError {
            field: "email".into(),
            message: t.err_required.into(),
        });
    } else if let Some(message) = crate::limits::too_long(t, &email, crate::limits::EMAIL) {
        errors.push(FieldError {
            field: "email".into(),
            message,
        });
    }
    if let Some(message) = crate::limits::too_long(t, &f.display_name, crate::limits::NAME) {
        errors.push(FieldError {
            field: "display_name".into(),
            message,
        });
    }
    let role = Role::from_slug(&f.role).filter(|r| AGENCY_ROLES.contains(r));
    let unit = f.unit.parse::<i64>().ok().map(UnitId::from);
    let scope = match role {
        Some(Role::UnitOfficer) => match unit {
            Some(u)
                if units::list(&app.db, agency.id)
                    .await?
                    .iter()
                    .any(|x| x.id == u) =>
            {
                Some(Scope::Unit {
                    agency_id: agency.id,
                    unit_id: u,
                })
            }
            _ => {
                errors.push(FieldError {
                    field: "unit".into(),
                    message: t.err_required.into(),
                });
                None
            }
        },
        Some(_) => Some(Scope::Agency(agency.id)),
        None => {
            errors.push(FieldError {
                field: "role".into(),
                message: t.err_required.into(),
            });
            None
        }
    };
    // Every address is asked for the same (a password for a new account, checked by the one policy), so the
    // form's answer does not tell whether the address already has an account somewhere.
    if let Err(message) = crate::auth::policy::check(&f.password) {
        errors.push(FieldError {
            field: "password".into(),
            message: message.into(),
        });
    }
    let (Some(role), Some(scope), true) = (role, scope, errors.is_empty()) else {
        return page(
            &app,
            &ctx,
            &agency,
            f,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        )
        .await;
    };
    // Hashed whether or not it is used (an existing account keeps its own), so both cases take as long.
    let hash = hash_password_async(f.password.clone()).await?;
    let account = NewUser {
        email,
        display_name: if f.display_name.trim().is_empty() {
            f.email.trim().to_string()
        } else {
            f.display_name.trim().to_string()
        },
        password_hash: hash,
        language: app.config.language.as_str().to_string(),
    };
    // An invitation, never a grant: the owner of the address accepts it after logging in.
    memberships::invite(&app.db, &ctx.me.actor(), account, role, scope).await?;
    Ok(Redirect::to(&format!("/agencies/{}/users?invited=1", agency.id)).into_response())
}
