//! The measure form's input: what was typed, read from urlencoded pairs and checked field by field.

use prongsai_db::measures::{Measure, MeasureStatus, NewMeasure};
use prongsai_db::{AgencyId, UnitId};
use prongsai_domain::Code;

use crate::error::FieldError;
use crate::texts::Texts;
use crate::views::dates;

/// The form's values as typed.
#[derive(Debug, Clone, Default)]
pub struct MeasureInput {
    /// Title.
    pub title: String,
    /// Analysis it answers.
    pub analysis: String,
    /// Steps, one per line.
    pub steps: String,
    /// Linked codes.
    pub links: String,
    /// Start date as typed (BE).
    pub period_start: String,
    /// End date as typed (BE).
    pub period_end: String,
    /// Period as free text.
    pub period_text: String,
    /// Status slug.
    pub status: String,
    /// Outcome.
    pub outcome: String,
    /// Responsible unit ids.
    pub units: Vec<i64>,
}

impl MeasureInput {
    /// Reads the urlencoded pairs (repeated `unit` fields, the text or native date inputs).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> MeasureInput {
        let mut m = MeasureInput::default();
        let (mut start_pick, mut end_pick) = (String::new(), String::new());
        for (k, v) in pairs {
            match k.as_str() {
                "title" => m.title = v,
                "analysis" => m.analysis = v,
                "steps" => m.steps = v,
                "links" => m.links = v,
                "period_start" => m.period_start = v,
                "period_end" => m.period_end = v,
                "period_start_pick" => start_pick = v,
                "period_end_pick" => end_pick = v,
                "period_text" => m.period_text = v,
                "status" => m.status = v,
                "outcome" => m.outcome = v,
                "unit" => m.units.extend(v.parse::<i64>().ok()),
                _ => {}
            }
        }
        // The typed BE text wins; the native date input fills in when the text is empty.
        if m.period_start.trim().is_empty() {
            m.period_start = start_pick;
        }
        if m.period_end.trim().is_empty() {
            m.period_end = end_pick;
        }
        m
    }

    /// The values of a stored measure.
    pub fn of(m: &Measure) -> MeasureInput {
        MeasureInput {
            title: m.title.clone(),
            analysis: m.analysis.clone(),
            steps: m.steps.join("\n"),
            links: m.links.join(", "),
            period_start: m.period_start.map(dates::input_value).unwrap_or_default(),
            period_end: m.period_end.map(dates::input_value).unwrap_or_default(),
            period_text: m.period_text.clone(),
            status: m.status.slug().to_string(),
            outcome: m.outcome.clone(),
            units: m.unit_ids.iter().map(|u| u.0).collect(),
        }
    }

    /// Checks the input; every problem is reported at its field.
    pub fn validate(
        &self,
        t: &Texts,
        agency: AgencyId,
        year: u16,
        number: i64,
        allowed_units: &[UnitId],
    ) -> Result<NewMeasure, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field: &str, message: String| {
            errors.push(FieldError {
                field: field.into(),
                message,
            })
        };
        if self.title.trim().is_empty() {
            err("title", t.err_required.into());
        }
        use crate::limits::{self, too_long};
        for (field, value, max) in [
            ("title", &self.title, limits::MEASURE_TITLE),
            ("analysis", &self.analysis, limits::MEASURE_TEXT),
            ("steps", &self.steps, limits::MEASURE_STEPS),
            ("links", &self.links, limits::MEASURE_LINKS),
            ("period_start", &self.period_start, limits::PERIOD),
            ("period_end", &self.period_end, limits::PERIOD),
            ("period_text", &self.period_text, limits::PERIOD),
            ("outcome", &self.outcome, limits::MEASURE_TEXT),
        ] {
            if let Some(m) = too_long(t, value, max) {
                err(field, m);
            }
        }
        let step_lines: Vec<&str> = self
            .steps
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        if step_lines.len() > limits::MEASURE_STEP_COUNT {
            err(
                "steps",
                format!(
                    "{} {} ({} {})",
                    t.err_too_many_steps,
                    limits::MEASURE_STEP_COUNT,
                    t.err_typed,
                    step_lines.len()
                ),
            );
        } else if let Some(m) = step_lines
            .iter()
            .find_map(|l| too_long(t, l, limits::MEASURE_STEP))
        {
            err("steps", m);
        }
        let date = |text: &str| {
            if text.trim().is_empty() {
                Ok(None)
            } else {
                dates::parse_date(text).map(Some).ok_or(())
            }
        };
        let start = if self.period_start.chars().count() > limits::PERIOD {
            Ok(None)
        } else {
            date(&self.period_start)
        };
        let end = if self.period_end.chars().count() > limits::PERIOD {
            Ok(None)
        } else {
            date(&self.period_end)
        };
        if start.is_err() {
            err(
                "period_start",
                format!("{} (\"{}\")", t.err_date, self.period_start.trim()),
            );
        }
        if end.is_err() {
            err(
                "period_end",
                format!("{} (\"{}\")", t.err_date, self.period_end.trim()),
            );
        }
        if let (Ok(Some(s)), Ok(Some(e))) = (start, end)
            && e < s
        {
            err("period_end", t.err_period_order.into());
        }
        let mut links = Vec::new();
        for part in self
            .links
            .split([',', ' ', '\n', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match part.parse::<Code>() {
                Ok(c) => links.push(c.to_string()),
                Err(e) => err("links", e.to_string()),
            }
        }
        let status = MeasureStatus::from_slug(&self.status).unwrap_or(MeasureStatus::NotStarted);
        let unit_ids: Vec<UnitId> = self
            .units
            .iter()
            .map(|u| UnitId::from(*u))
            .filter(|u| allowed_units.contains(u))
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewMeasure {
            agency_id: agency,
            fiscal_year: year,
            number,
            title: self.title.trim().to_string(),
            analysis: self.analysis.trim().to_string(),
            steps: self
                .steps
                .lines()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            period_start: start.ok().flatten(),
            period_end: end.ok().flatten(),
            period_text: self.period_text.trim().to_string(),
            status,
            outcome: self.outcome.trim().to_string(),
            links,
            unit_ids,
        })
    }
}
