//! Agencies at system level: `POST /admin/agencies` creates one; `GET /agencies/{id}/edit` and `POST /agencies/{id}`
//! let a system administrator correct its name, kind, district, province and website domain.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::AgencyId;
use prongsai_db::agencies::{self, Agency, AgencyKind, NewAgency};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::{self, Action, Resource};
use crate::error::{FieldError, WebError};
use crate::pages::{agency_for, agency_year};
use crate::texts::Texts;
use crate::views::layout::{Layout, Section};
use crate::views::render;

/// The new-agency form.
#[derive(Debug, Deserialize)]
pub struct AgencyForm {
    name: String,
    kind: String,
    #[serde(default)]
    district: String,
    province: String,
}

/// Creates the agency and opens its dashboard.
pub async fn create(
    State(app): State<AppState>,
    ctx: PageCtx,
    Form(f): Form<AgencyForm>,
) -> Result<Response, WebError> {
    authz::require(&ctx.me, Action::ManageAgencies, &Resource::System)?;
    let t = ctx.t();
    if f.name.trim().is_empty() {
        return Err(WebError::field("name", t.err_required));
    }
    if f.province.trim().is_empty() {
        return Err(WebError::field("province", t.err_required));
    }
    for (field, value, max) in [
        ("name", &f.name, crate::limits::NAME),
        ("province", &f.province, crate::limits::NAME),
        ("district", &f.district, crate::limits::NAME),
    ] {
        if let Some(m) = crate::limits::too_long(t, value, max) {
            return Err(WebError::field(field, m));
        }
    }
    let kind = AgencyKind::from_slug(&f.kind).unwrap_or(AgencyKind::Other);
    let a = agencies::create(
        &app.db,
        &ctx.me.actor(),
        NewAgency {
            name: f.name,
            kind,
            district: f.district,
            province: f.province,
            website: None,
        },
    )
    .await?;
    Ok(Redirect::to(&format!("/agencies/{}", a.id)).into_response())
}

/// The agency-details form as typed (every field optional so that a missing one is reported at its field).
#[derive(Debug, Default, Deserialize)]
pub struct DetailsForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    district: String,
    #[serde(default)]
    province: String,
    #[serde(default)]
    website: String,
}

impl DetailsForm {
    fn of(a: &Agency) -> DetailsForm {
        DetailsForm {
            name: a.name.clone(),
            kind: a.kind.slug().to_string(),
            district: a.district.clone(),
            province: a.province.clone(),
            website: a.website.clone().unwrap_or_default(),
        }
    }

    /// The agency's new fields, or every problem at its field.
    fn validate(&self, t: &Texts) -> Result<NewAgency, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field: &str, message: &str| {
            errors.push(FieldError {
                field: field.into(),
                message: message.into(),
            })
        };
        if self.name.trim().is_empty() {
            err("name", t.err_required);
        }
        if self.province.trim().is_empty() {
            err("province", t.err_required);
        }
        for (field, value, max) in [
            ("name", &self.name, crate::limits::NAME),
            ("province", &self.province, crate::limits::NAME),
            ("district", &self.district, crate::limits::NAME),
            ("website", &self.website, crate::limits::URL),
        ] {
            if let Some(m) = crate::limits::too_long(t, value, max) {
                err(field, &m);
            }
        }
        let kind = AgencyKind::from_slug(self.kind.trim());
        if kind.is_none() {
            err("kind", t.admin.err_kind);
        }
        let website = website_domain(&self.website);
        if website.is_err() {
            err("website", t.admin.err_website);
        }
        match (kind, website, errors.is_empty()) {
            (Some(kind), Ok(website), true) => Ok(NewAgency {
                name: self.name.trim().to_string(),
                kind,
                district: self.district.trim().to_string(),
                province: self.province.trim().to_string(),
                website,
            }),
            _ => Err(errors),
        }
    }
}

/// A website as its bare domain (`https://www.Banna.go.th/` → `www.banna.go.th`); empty → none.
fn website_domain(text: &str) -> Result<Option<String>, ()> {
    let t = text.trim().to_lowercase();
    let t = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(&t)
        .trim_end_matches('/');
    if t.is_empty() {
        return Ok(None);
    }
    let labels_ok = t.split('.').all(|l| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    if labels_ok && t.contains('.') && t.len() <= 253 {
        Ok(Some(t.to_string()))
    } else {
        Err(())
    }
}

#[derive(Template)]
#[template(path = "agency_form.html")]
struct DetailsPage {
    layout: Layout,
    action: String,
    form: DetailsForm,
    kinds: Vec<(&'static str, &'static str)>,
    errors: Vec<FieldError>,
}

impl DetailsPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }
}

async fn details_page(
    app: &AppState,
    ctx: &PageCtx,
    agency: &Agency,
    form: DetailsForm,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let year = agency_year(app, agency.id).await?;
    let page = DetailsPage {
        layout: ctx
            .layout(format!("{} · {}", ctx.t().admin.agency_title, agency.name))
            .agency_nav(&ctx.me, agency, year, Section::Agency),
        action: format!("/agencies/{}", agency.id),
        form,
        kinds: AgencyKind::ALL
            .iter()
            .map(|k| (k.slug(), k.label_th()))
            .collect(),
        errors,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /agencies/{id}/edit`: the agency's details form (system administrators).
pub async fn edit(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageAgencies).await?;
    let form = DetailsForm::of(&agency);
    details_page(&app, &ctx, &agency, form, Vec::new(), StatusCode::OK).await
}

/// `POST /agencies/{id}`: saves the agency's details (audited before → after), then shows its dashboard.
pub async fn update(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
    Form(f): Form<DetailsForm>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageAgencies).await?;
    match f.validate(ctx.t()) {
        Ok(new) => {
            agencies::update(&app.db, &ctx.me.actor(), agency.id, new).await?;
            Ok(Redirect::to(&format!("/agencies/{}", agency.id)).into_response())
        }
        Err(errors) => {
            details_page(
                &app,
                &ctx,
                &agency,
                f,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::website_domain;

    #[test]
    fn websites_are_kept_as_bare_domains() {
        assert_eq!(website_domain(""), Ok(None));
        assert_eq!(
            website_domain(" https://www.Banna.go.th/ "),
            Ok(Some("www.banna.go.th".into()))
        );
        assert_eq!(
            website_domain("banna.go.th"),
            Ok(Some("banna.go.th".into()))
        );
        for bad in ["banna", "banna go.th", "-x.go.th", "a..th", "ftp://x.th/a"] {
            assert!(website_domain(bad).is_err(), "{bad}");
        }
    }
}
