//! A body's parts → one HTML string: Markdown HTML as is, blocks through the
//! theme's partials.

use serde::Serialize;

use super::views::{stat_view, StatView};
use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::input::dataset::Cell;
use crate::model::article::BodyPart;
use crate::text::number;

#[derive(Serialize)]
struct StatsCtx {
    items: Vec<StatView>,
}

#[derive(Serialize)]
struct TableWrap {
    table: TableCtx,
}

#[derive(Serialize)]
pub struct TableCtx {
    pub title: String,
    pub source: Option<String>,
    pub url: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
}

#[derive(Serialize)]
struct VideoWrap {
    video: VideoView,
}

/// A video block with its addresses made: the site's files under the base
/// path, a YouTube video as its page and its no-cookie player.
#[derive(Serialize)]
struct VideoView {
    title: String,
    src: Option<String>,
    mime: Option<&'static str>,
    poster: Option<String>,
    captions: Option<String>,
    watch_url: Option<String>,
    embed_url: Option<String>,
}

fn video_view(ctx: &Ctx, v: &crate::model::video::Video) -> VideoView {
    let file = |p: &Option<String>| p.as_deref().map(|p| ctx.href(p));
    VideoView {
        title: v.title.clone(),
        src: file(&v.src),
        mime: v.mime,
        poster: file(&v.poster),
        captions: file(&v.captions),
        watch_url: v
            .youtube
            .as_ref()
            .map(|id| format!("https://www.youtube.com/watch?v={id}")),
        embed_url: v
            .youtube
            .as_ref()
            .map(|id| format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1")),
    }
}

/// `first_eager`: the page has no cover, so its first body photo is its
/// first large image and loads at once.
pub fn html(ctx: &Ctx, parts: &[BodyPart], first_eager: bool) -> Result<String, Diagnostic> {
    let mut out = String::new();
    let mut eager = first_eager;
    for part in parts {
        match part {
            BodyPart::Photo { image, .. } => {
                out.push_str(&super::photos::figure(ctx, image, eager)?);
                eager = false;
            }
            BodyPart::Gallery { items, .. } => out.push_str(&super::photos::gallery(ctx, items)?),
            BodyPart::Html { html } => out.push_str(html),
            BodyPart::Chart { id } => {
                out.push_str(ctx.figures.get(id).map(String::as_str).unwrap_or_default())
            }
            BodyPart::Stats { items } => {
                let lang = ctx.site.settings.lang;
                let view = StatsCtx {
                    items: items.iter().map(|i| stat_view(i, lang)).collect(),
                };
                out.push_str(&String::from_utf8_lossy(
                    &ctx.render("partials/stats.html", &view)?,
                ));
            }
            BodyPart::Video { video } => {
                let view = VideoWrap {
                    video: video_view(ctx, video),
                };
                out.push_str(&String::from_utf8_lossy(
                    &ctx.render("partials/video.html", &view)?,
                ));
            }
            BodyPart::Table {
                dataset,
                columns,
                rows,
            } => {
                let view = TableWrap {
                    table: table(ctx, dataset, columns, rows),
                };
                out.push_str(&String::from_utf8_lossy(
                    &ctx.render("partials/table.html", &view)?,
                ));
            }
        }
    }
    Ok(out)
}

/// A dataset's rows as formatted text, organization ids shown as names.
pub fn table(ctx: &Ctx, dataset: &str, columns: &[String], rows: &[usize]) -> TableCtx {
    let site = ctx.site;
    let lang = site.settings.lang;
    let ds = &site.datasets[dataset];
    let cols: Vec<_> = columns.iter().filter_map(|c| ds.column(c)).collect();
    let cell_text = |col: &str, cell: Option<&Cell>| -> String {
        match cell {
            Some(Cell::Number(n)) if col == "year" || col == "nam" => format!("{n}"),
            Some(Cell::Number(n)) => number::format_auto(*n, lang),
            Some(Cell::Text(s)) if col == "org" => site
                .orgs
                .get(s)
                .map_or_else(|| s.clone(), |o| o.name.clone()),
            // A cell with no figure, as the chart tables show it.
            Some(Cell::Empty) | None => "–".to_string(),
            Some(c) => c.key(),
        }
    };
    TableCtx {
        title: ds.title.clone(),
        source: ds.source.clone(),
        url: ctx.href(&crate::model::site::urls::dataset(&ds.id)),
        headers: cols
            .iter()
            .map(|c| match &c.unit {
                Some(u) => format!("{} ({u})", c.label),
                None => c.label.clone(),
            })
            .collect(),
        numeric: cols
            .iter()
            .map(|c| {
                c.id != "year"
                    && ds
                        .rows
                        .iter()
                        .any(|r| matches!(r.get(&c.id), Some(Cell::Number(_))))
            })
            .collect(),
        rows: rows
            .iter()
            .map(|&i| {
                cols.iter()
                    .map(|c| cell_text(&c.id, ds.rows[i].get(&c.id)))
                    .collect()
            })
            .collect(),
    }
}
