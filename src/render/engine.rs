//! The template engine, set up once per build: templates compiled, filters
//! registered, site-wide values in the global context.

use tera::{Context, Kwargs, State, Tera};

use crate::diagnostic::msg::Render;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::text::{number, Lang};
use crate::theme::Theme;

/// Compiles the theme's templates. Template syntax errors name the file.
pub fn engine(theme: &Theme, lang: Lang) -> Result<Tera, Diagnostics> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml", ".svg"]);
    let templates: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    if let Err(e) = tera.add_raw_templates(templates) {
        return Err(template_error(theme, &e).into());
    }
    register_filters(&mut tera, lang);
    Ok(tera)
}

fn register_filters(tera: &mut Tera, lang: Lang) {
    tera.register_filter("num", move |v: f64, _: Kwargs, _: &State| {
        number::format_auto(v, lang)
    });
    tera.register_filter("percent", move |v: f64, _: Kwargs, _: &State| {
        number::percent(v, lang)
    });
}

/// Sets the values every template sees.
pub fn set_globals(tera: &mut Tera, values: &[(&'static str, tera::Value)]) {
    let g = tera.global_context();
    for (k, v) in values {
        g.insert_value(*k, v.clone());
    }
}

/// Renders `template` with `ctx`, naming the template's file on failure.
pub fn render(
    tera: &Tera,
    theme: &Theme,
    template: &str,
    ctx: &impl serde::Serialize,
) -> Result<Vec<u8>, Diagnostic> {
    let context = Context::from_serialize(ctx).map_err(|e| template_error(theme, &e))?;
    let mut out = Vec::with_capacity(16 * 1024);
    tera.render_to(template, &context, &mut out)
        .map_err(|e| template_error(theme, &e))?;
    Ok(out)
}

/// A tera error as one readable message. Tera's own text names the template
/// and the line; we put the theme file in front.
pub fn template_error(theme: &Theme, e: &tera::Error) -> Diagnostic {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    // Tera's report points at the failing template first: ` --> name:line:col`.
    let place = msg
        .split("--> ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_default();
    let mut parts = place.split(':');
    let name = parts.next().unwrap_or_default();
    let line = parts.next().and_then(|l| l.parse::<usize>().ok());
    let col = parts.next().and_then(|c| c.parse::<usize>().ok());
    let path = theme
        .origins
        .get(name)
        .cloned()
        .unwrap_or_else(|| "themes/default/templates".into());
    let text = msg.trim().trim_start_matches("error: ");
    // With a place, tera's own excerpt of the line follows its words; ours is
    // shown instead, so keep only what comes before tera's ` --> `.
    let text = match line {
        Some(_) => text
            .lines()
            .take_while(|l| !l.trim_start().starts_with("-->"))
            .collect::<Vec<_>>()
            .join(" "),
        None => text.to_string(),
    };
    let text = text.trim();
    let err = Diagnostic::new(
        path,
        Render::Template {
            why: text.to_string(),
        },
    );
    match (line, col) {
        (Some(l), Some(c)) => err.at(l, c),
        (Some(l), None) => err.at_line(l),
        _ => err,
    }
}
