//! Changing a member of an agency: `POST …/memberships/{mid}` (another role) and `POST …/users/{uid}/login` (disable/enable).

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::memberships::{self, Role, Scope};
use prongsai_db::{
    AgencyId, DbError, MembershipId, UnitId, UserId, agencies::Agency, units, users,
};
use serde::Deserialize;

use super::users::{AGENCY_ROLES, UserForm, page};
use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::{self, Action};
use crate::error::{FieldError, WebError};
use crate::pages::agency_for;

/// The users page again, with one error at `field`; nothing was changed.
async fn refused(
    app: &AppState,
    ctx: &PageCtx,
    agency: &Agency,
    field: String,
    message: &str,
) -> Result<Response, WebError> {
    let errors = vec![FieldError {
        field,
        message: message.to_string(),
    }];
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    page(app, ctx, agency, UserForm::default(), errors, status, None).await
}

fn back(agency: &Agency) -> Response {
    Redirect::to(&format!("/agencies/{}/users?saved=1", agency.id)).into_response()
}

/// The change-role form of one grant.
#[derive(Debug, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    unit: String,
}

/// `POST /agencies/{id}/memberships/{mid}`: gives a grant of this agency another role (and unit).
pub async fn change_role(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, mid)): Path<(i64, i64)>,
    Form(f): Form<RoleForm>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageUsers).await?;
    let grant = memberships::get(&app.db, MembershipId::from(mid)).await?;
    if grant.scope.agency_id() != Some(agency.id) {
        return Err(WebError::NotFound);
    }
    let t = ctx.t();
    let field = format!("grant-{mid}");
    if grant.user_id == ctx.me.user.id {
        return refused(&app, &ctx, &agency, field, t.admin.err_own_account).await;
    }
    let Some(role) = Role::from_slug(f.role.trim()).filter(|r| AGENCY_ROLES.contains(r)) else {
        let message = format!("{}: {}", t.role, t.err_required);
        return refused(&app, &ctx, &agency, field, &message).await;
    };
    let scope = if role == Role::UnitOfficer {
        let unit = f.unit.trim().parse::<i64>().ok().map(UnitId::from);
        let known = units::list(&app.db, agency.id).await?;
        match unit.filter(|u| known.iter().any(|k| k.id == *u)) {
            Some(unit_id) => Scope::Unit {
                agency_id: agency.id,
                unit_id,
            },
            None => {
                let message = format!("{}: {}", t.unit, t.err_required);
                return refused(&app, &ctx, &agency, field, &message).await;
            }
        }
    } else {
        Scope::Agency(agency.id)
    };
    if grant.role == role && grant.scope == scope {
        return Ok(back(&agency));
    }
    match memberships::change_role(&app.db, &ctx.me.actor(), grant.id, role, scope).await {
        Ok(_) => Ok(back(&agency)),
        Err(DbError::Conflict(_)) => {
            refused(&app, &ctx, &agency, field, t.admin.err_role_taken).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The disable/enable form of a user's login.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    /// `disable` or `enable`.
    #[serde(default)]
    login: String,
}

/// `POST /agencies/{id}/users/{uid}/login`: disables or re-enables a member's login. A disabled account cannot
/// log in, and its sessions and API tokens stop working at once. Only a system administrator may do this to an
/// account that also holds roles outside the agency.
pub async fn set_login(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, uid)): Path<(i64, i64)>,
    Form(f): Form<LoginForm>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageUsers).await?;
    let user = users::get(&app.db, UserId::from(uid)).await?;
    let grants = memberships::for_user(&app.db, user.id).await?;
    if !grants
        .iter()
        .any(|g| g.scope.agency_id() == Some(agency.id))
    {
        return Err(WebError::NotFound);
    }
    let t = ctx.t().admin;
    let field = format!("login-{uid}");
    if user.id == ctx.me.user.id {
        return refused(&app, &ctx, &agency, field, t.err_own_account).await;
    }
    let disable = match f.login.trim() {
        "disable" => true,
        "enable" => false,
        _ => return refused(&app, &ctx, &agency, field, t.err_login_choice).await,
    };
    let elsewhere = grants
        .iter()
        .any(|g| g.scope.agency_id() != Some(agency.id));
    if elsewhere && !authz::is_system_admin(&ctx.me) {
        return refused(&app, &ctx, &agency, field, t.err_account_elsewhere).await;
    }
    if user.disabled != disable {
        users::set_disabled_in_agency(&app.db, &ctx.me.actor(), user.id, disable, agency.id)
            .await?;
    }
    Ok(back(&agency))
}
