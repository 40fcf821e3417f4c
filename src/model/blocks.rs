//! Turns the fenced blocks of a body into resolved [`BodyPart`]s.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::charts::{self, ChartData, ChartSpec, Origin};
use crate::config::StatItem;
use crate::diagnostic::msg::Block as Say;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::input::dataset::{Cell, Dataset};
use crate::input::frontmatter::Image;
use crate::load::Failed;
use crate::markdown::{BlockKind, Part};
use crate::model::article::BodyPart;
use crate::model::orgs::OrgTree;
use crate::model::photos;
use crate::yaml;

/// What a body's blocks can refer to.
pub struct Lookup<'a> {
    pub datasets: &'a BTreeMap<String, Dataset>,
    pub named_charts: &'a BTreeMap<String, ChartData>,
    pub orgs: &'a OrgTree,
    /// Files that could not be read; references to them are not errors again.
    pub failed: &'a Failed,
    /// The site folder, where photos and a video block's files are looked for.
    pub root: &'a Path,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UseChart {
    #[serde(rename = "use")]
    id: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableBlock {
    data: String,
    #[serde(default)]
    filter: BTreeMap<String, Cell>,
    #[serde(default)]
    columns: Vec<String>,
}

/// Resolves every block of `parts`. Inline charts are added to `inline` with ids
/// `{owner}-{n}`.
pub fn resolve(
    parts: Vec<Part>,
    path: &Path,
    owner: &str,
    look: &Lookup,
    inline: &mut Vec<ChartData>,
) -> Result<Vec<BodyPart>, Diagnostics> {
    let mut out = Vec::with_capacity(parts.len());
    let mut errors = Diagnostics::default();
    let mut n = 0;
    for part in parts {
        match part {
            Part::Html(html) => out.push(BodyPart::Html { html }),
            Part::Photo {
                src,
                alt,
                title,
                line,
            } => {
                let image = Image {
                    src,
                    alt: Some(alt).filter(|a| !a.is_empty()),
                    caption: Some(title).filter(|t| !t.is_empty()),
                    credit: None,
                };
                match photos::check_src("image", &image.src, look.root) {
                    Ok(()) => out.push(BodyPart::Photo { image, line }),
                    Err(m) => errors.push(Diagnostic::new(path, m).at_line(line)),
                }
            }
            Part::Block {
                kind,
                yaml: text,
                line,
            } => {
                let r = match kind {
                    BlockKind::Chart => {
                        n += 1;
                        chart(&text, line, path, &format!("{owner}-{n}"), look, inline)
                    }
                    BlockKind::Stats => stats(&text, line, path, look.orgs),
                    BlockKind::Table => table(&text, line, path, look),
                    BlockKind::Video => crate::model::video::resolve(&text, line, path, look.root)
                        .map(|video| BodyPart::Video { video }),
                    BlockKind::Gallery => photos::gallery(&text, line, path, look.root),
                };
                match r {
                    Ok(p) => out.push(p),
                    Err(e) => errors.extend(e),
                }
            }
        }
    }
    errors.into_result(out)
}

fn chart(
    text: &str,
    line: usize,
    path: &Path,
    inline_id: &str,
    look: &Lookup,
    inline: &mut Vec<ChartData>,
) -> Result<BodyPart, Diagnostics> {
    if text.lines().any(|l| l.trim_start().starts_with("use:")) {
        let u: UseChart = yaml::parse(text, path, line)?;
        if look.failed.charts.contains(&u.id) {
            // Its own error is reported; the build stops there.
            return Err(Diagnostics::default());
        }
        if !look.named_charts.contains_key(&u.id) {
            let known = look.named_charts.keys().take(12).cloned().collect();
            let at = key_line(text, line, "use");
            return Err(Diagnostic::new(path, Say::UnknownChart { id: u.id, known })
                .at_line(at)
                .into());
        }
        return Ok(BodyPart::Chart { id: u.id });
    }
    let spec: ChartSpec = yaml::parse(text, path, line)?;
    if matches!(&spec.data, charts::DataSource::Dataset(d) if look.failed.datasets.contains(d)) {
        return Err(Diagnostics::default());
    }
    let origin = Origin {
        path,
        text,
        first_line: line,
    };
    let data = charts::resolve(inline_id, &spec, &origin, look.datasets, &|id| {
        look.orgs.contains(id)
    })?;
    inline.push(data);
    Ok(BodyPart::Chart {
        id: inline_id.to_string(),
    })
}

fn stats(text: &str, line: usize, path: &Path, orgs: &OrgTree) -> Result<BodyPart, Diagnostics> {
    let items: Vec<StatItem> = yaml::parse(text, path, line)?;
    let mut errors = Diagnostics::default();
    for (i, item) in items.iter().enumerate() {
        if let Some(org) = &item.org {
            if !orgs.contains(org) {
                let at = key_line(text, line, &format!("[{i}].org"));
                errors.push(Diagnostic::new(path, orgs.unknown(org)).at_line(at));
            }
        }
    }
    errors.into_result(BodyPart::Stats { items })
}

fn table(text: &str, line: usize, path: &Path, look: &Lookup) -> Result<BodyPart, Diagnostics> {
    let t: TableBlock = yaml::parse(text, path, line)?;
    let at = |key: &str| key_line(text, line, key);
    if look.failed.datasets.contains(&t.data) {
        return Err(Diagnostics::default());
    }
    let Some(ds) = look.datasets.get(&t.data) else {
        let known = look.datasets.keys().take(12).cloned().collect();
        let id = t.data.clone();
        return Err(Diagnostic::new(path, Say::UnknownDataset { id, known })
            .at_line(at("data"))
            .into());
    };
    let mut errors = Diagnostics::default();
    for col in t.filter.keys().chain(&t.columns) {
        if ds.column(col).is_none() {
            let places = yaml::Places::of(text, yaml::Offset::line(line));
            let l = places
                .key(&format!("filter.{col}"))
                .or_else(|| places.scalar_in("columns", col))
                .map_or(line, |a| a.line);
            errors.push(
                Diagnostic::new(
                    path,
                    Say::UnknownColumn {
                        column: col.to_string(),
                        dataset: ds.id.clone(),
                        known: ds.columns.iter().map(|c| c.id.clone()).collect(),
                    },
                )
                .at_line(l),
            );
        }
    }
    if let Some(org) = t.filter.get("org") {
        if !look.orgs.contains(&org.key()) {
            errors.push(
                Diagnostic::new(path, look.orgs.unknown(&org.key())).at_line(at("filter.org")),
            );
        }
    }
    errors.into_result(())?;
    let rows: Vec<usize> = ds
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| {
            t.filter
                .iter()
                .all(|(k, v)| row.get(k).is_some_and(|c| c.key() == v.key()))
        })
        .map(|(i, _)| i)
        .collect();
    if rows.is_empty() {
        let at = key_line(text, line, "filter");
        let dataset = ds.id.clone();
        return Err(Diagnostic::new(path, Say::FilterMatchesNothing { dataset })
            .at_line(at)
            .into());
    }
    let columns = if t.columns.is_empty() {
        ds.columns.iter().map(|c| c.id.clone()).collect()
    } else {
        t.columns
    };
    Ok(BodyPart::Table {
        dataset: ds.id.clone(),
        columns,
        rows,
    })
}

/// The line of `path`'s key in a block's YAML that starts on `line` (`line`
/// when absent). The index is built only for a message.
fn key_line(text: &str, line: usize, path: &str) -> usize {
    let places = yaml::Places::of(text, yaml::Offset::line(line));
    places.key(path).map_or(line, |a| a.line)
}
