//! Charts (SVG, CSV and the figure shown in pages), organization pages, the
//! statistics overview and a page per dataset.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use super::body::{self, TableCtx};
use super::memo;
use super::pages::PageMeta;
use super::views::{Card, EventView, NamedLink};
use super::{index_of, Ctx};
use crate::charts::{self, ChartData, ChartStyle};
use crate::diagnostic::{partition, Diagnostic, Diagnostics};
use crate::model::article::BodyPart;
use crate::model::site::urls;
use crate::output::OutputFile;

#[derive(Serialize)]
struct FigureCtx<'a> {
    id: &'a str,
    title: &'a str,
    svg: String,
    svg_narrow: String,
    desc: String,
    note: Option<&'a str>,
    source: Option<&'a str>,
    table: charts::Table,
    svg_url: String,
    csv_url: String,
    dataset_url: Option<String>,
}

/// Draws every chart once, in parallel: its .svg and .csv files, and the
/// figure HTML that pages embed.
/// With `previous` (a quick rebuild in `serve`, see [`super::memo`]), a chart
/// whose figures did not change is not drawn again: its figure is reused and
/// its files, still on disk, are only named in the result's `kept`.
pub fn charts(
    ctx: &Ctx,
    previous: Option<&BTreeMap<String, memo::Chart>>,
) -> Result<Charts, Diagnostics> {
    let lang = ctx.site.settings.lang;
    let style = ChartStyle::default();
    let narrow = ChartStyle::narrow();
    let results: Vec<Result<Drawn, Diagnostics>> = ctx
        .site
        .charts
        .par_iter()
        .map(|(id, data)| {
            if let Some(done) = previous.and_then(|p| p.get(id)).filter(|c| c.data == *data) {
                return Ok((id.clone(), done.files.clone(), done.figure.clone()));
            }
            let svg = charts::draw(data, &style, lang);
            // A phone gets a canvas drawn for its width: the wide one scaled down
            // would shrink the text to about 7 px. Its ids differ so both can sit
            // in one page; CSS shows one of them.
            let phone = ChartData {
                id: format!("{id}-hep"),
                ..data.clone()
            };
            let svg_narrow = charts::draw(&phone, &narrow, lang);
            let figure = figure(ctx, id, data, &svg, svg_narrow).map_err(Diagnostics::from)?;
            let files = [
                OutputFile::bytes(urls::chart_svg(id), standalone_svg(&svg).into_bytes()),
                OutputFile::bytes(urls::chart_csv(id), charts::to_csv(data).into_bytes()),
            ];
            Ok((id.clone(), files, figure))
        })
        .collect();
    let (list, errors) = partition(results);
    errors.into_result(())?;
    let mut out = Charts::default();
    for (id, f, html) in list {
        if let Some(p) = previous {
            let data = ctx.site.charts[&id].clone();
            if p.get(&id).is_some_and(|c| c.data == data) {
                out.kept.extend(f.iter().map(|x| x.path.clone()));
            } else {
                out.files.extend(f.iter().cloned());
            }
            out.memo.insert(
                id.clone(),
                memo::Chart {
                    data,
                    files: f,
                    figure: html.clone(),
                },
            );
        } else {
            out.files.extend(f);
        }
        out.figures.insert(id, html);
    }
    Ok(out)
}

/// A chart's id, its .svg and .csv files, and its figure HTML.
type Drawn = (String, [OutputFile; 2], String);

/// The charts of a render.
#[derive(Default)]
pub struct Charts {
    /// Their .svg and .csv files (not those in `kept`).
    pub files: Vec<OutputFile>,
    /// Each chart's figure HTML, by chart id.
    pub figures: BTreeMap<String, String>,
    /// Files of charts that did not change since `previous`.
    pub kept: Vec<String>,
    /// For the next quick rebuild (only when `previous` was given).
    pub memo: BTreeMap<String, memo::Chart>,
}

/// A chart file opened on its own needs the XML namespace and a font.
fn standalone_svg(svg: &str) -> String {
    let mut s = String::with_capacity(svg.len() + 64);
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(svg);
    s
}

fn figure(
    ctx: &Ctx,
    id: &str,
    data: &ChartData,
    svg: &str,
    svg_narrow: String,
) -> Result<String, Diagnostic> {
    let lang = ctx.site.settings.lang;
    let view = FigureCtx {
        id,
        title: &data.title,
        svg: svg.to_string(),
        svg_narrow,
        desc: charts::describe(data, lang),
        note: data.note.as_deref(),
        source: data.source.as_deref(),
        table: charts::table(data, lang),
        svg_url: ctx.href(&urls::chart_svg(id)),
        csv_url: ctx.href(&urls::chart_csv(id)),
        dataset_url: data.dataset.as_deref().map(|d| ctx.href(&urls::dataset(d))),
    };
    Ok(String::from_utf8_lossy(&ctx.render("partials/chart.html", &view)?).into_owned())
}

#[derive(Serialize)]
struct OrgLink {
    name: String,
    kind: Option<String>,
    url: String,
    children: Vec<OrgLink>,
}

#[derive(Serialize)]
struct OrgCtx<'a> {
    page: PageMeta,
    name: String,
    kind: Option<String>,
    short_name: Option<String>,
    address: Option<String>,
    contact: Option<String>,
    website: Option<String>,
    /// The organization's leaders page, when people.yaml names any.
    leaders_url: Option<String>,
    /// The unit's contact page, when it has contact details.
    contacts: Option<NamedLink>,
    parents: Vec<NamedLink>,
    children: Vec<OrgLink>,
    articles: Vec<&'a Card>,
    events: Vec<EventView>,
    figures: Vec<&'a str>,
    tables: Vec<TableCtx>,
}

#[derive(Serialize)]
struct StatsCtx {
    page: PageMeta,
    datasets: Vec<DatasetLink>,
    charts: Vec<NamedLink>,
    tree: Vec<OrgLink>,
    /// The site's key figures (site.yaml `home.stats`), shown on top of the overview.
    stats: Vec<super::views::StatView>,
}

#[derive(Serialize)]
struct DatasetLink {
    title: String,
    url: String,
    source: Option<String>,
    rows: usize,
}

#[derive(Serialize)]
struct DatasetCtx<'a> {
    page: PageMeta,
    table: TableCtx,
    description: Option<String>,
    figures: Vec<&'a str>,
}

pub fn pages(ctx: &Ctx) -> Result<Vec<String>, Diagnostics> {
    let site = ctx.site;
    let skip = |rel: &str| ctx.keys.as_ref().is_some_and(|k| k.skips(&index_of(rel)));
    let org_results = org_pages(ctx);
    let ds_results: Vec<Result<String, Diagnostics>> = site
        .datasets
        .keys()
        .filter(|id| !skip(&urls::dataset(id)))
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|id| dataset_page(ctx, id).map_err(Diagnostics::from))
        .collect();
    let (mut out, mut errors) = partition(org_results);
    let (ds, e) = partition(ds_results);
    out.extend(ds);
    errors.extend(e);
    match overview(ctx) {
        Ok(f) => out.push(f),
        Err(e) => errors.push(e),
    }
    errors.into_result(out)
}

/// The organization pages, but those `ctx` skips.
pub(super) fn org_pages(ctx: &Ctx) -> Vec<Result<String, Diagnostics>> {
    let list = &ctx.site.orgs.list;
    let skip = |i: usize| {
        ctx.keys
            .as_ref()
            .is_some_and(|k| k.skips(&index_of(&urls::org(&list[i].id))))
    };
    (0..list.len())
        .into_par_iter()
        .filter(|&i| !skip(i))
        .map(|i| org_page(ctx, i).map_err(Diagnostics::from))
        .collect()
}

/// Fingerprints of the organization and dataset pages' inputs (see
/// [`super::memo`]). A dataset page shows only site-wide files, which a quick
/// rebuild never changes; an organization page also shows its articles: their
/// cards, conferences and charts, all covered by their keys.
pub fn fingerprints(ctx: &Ctx, keys: &memo::Keys) -> Vec<(String, u64)> {
    use std::hash::Hasher;
    let site = ctx.site;
    let mut out = Vec::new();
    'orgs: for (i, o) in site.orgs.list.iter().enumerate() {
        let mut h = crate::hash::Stable::new();
        h.num(keys.global).str("org").str(&o.id);
        for &a in &site.org_articles[i] {
            let Some(&key) = keys.articles.get(a) else {
                continue 'orgs;
            };
            h.num(key).num(keys.cards[a]);
        }
        out.push((index_of(&urls::org(&o.id)), h.finish()));
    }
    for id in site.datasets.keys() {
        out.push((
            index_of(&urls::dataset(id)),
            crate::hash::Stable::new()
                .num(keys.global)
                .str("dataset")
                .str(id)
                .finish(),
        ));
    }
    out
}

fn home_crumb(ctx: &Ctx) -> (String, String) {
    (ctx.word("home"), ctx.href(""))
}

fn stats_crumb(ctx: &Ctx) -> (String, String) {
    (
        ctx.theme
            .words
            .get("statistics")
            .cloned()
            .unwrap_or_default(),
        ctx.href(urls::STATS),
    )
}

fn org_tree(ctx: &Ctx, i: usize, depth: usize) -> OrgLink {
    let o = &ctx.site.orgs.list[i];
    OrgLink {
        name: o.name.clone(),
        kind: o.kind.clone(),
        url: ctx.href(&urls::org(&o.id)),
        children: if depth > 8 {
            Vec::new()
        } else {
            ctx.site.orgs.children[i]
                .iter()
                .map(|&c| org_tree(ctx, c, depth + 1))
                .collect()
        },
    }
}

fn org_page(ctx: &Ctx, i: usize) -> Result<String, Diagnostic> {
    let site = ctx.site;
    let o = &site.orgs.list[i];
    let rel = urls::org(&o.id);
    let (h, hu) = home_crumb(ctx);
    let (s, su) = stats_crumb(ctx);
    let mut page = PageMeta::new(
        ctx,
        "org",
        &o.name,
        o.kind.as_deref().unwrap_or_default(),
        &rel,
    )
    .crumb(&h, hu)
    .crumb(&s, su);
    let parents: Vec<NamedLink> = site
        .orgs
        .ancestors(&o.id)
        .into_iter()
        .map(|p| NamedLink {
            name: p.name.clone(),
            url: ctx.href(&urls::org(&p.id)),
        })
        .collect();
    for p in &parents {
        page = page.crumb(&p.name, p.url.clone());
    }
    let articles = &site.org_articles[i];
    let mut figure_ids: Vec<&str> = Vec::new();
    for &a in articles {
        for part in &site.articles[a].body {
            if let BodyPart::Chart { id } = part {
                if !figure_ids.contains(&id.as_str()) {
                    figure_ids.push(id);
                }
            }
        }
    }
    let tables = site
        .datasets
        .values()
        .filter_map(|ds| {
            let rows: Vec<usize> = ds
                .rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.get("org").is_some_and(|c| c.key() == o.id))
                .map(|(i, _)| i)
                .collect();
            let cols: Vec<String> = ds
                .columns
                .iter()
                .filter(|c| c.id != "org")
                .map(|c| c.id.clone())
                .collect();
            (!rows.is_empty()).then(|| body::table(ctx, &ds.id, &cols, &rows))
        })
        .collect();
    let view = OrgCtx {
        page,
        name: o.name.clone(),
        kind: o.kind.clone(),
        short_name: o.short_name.clone(),
        address: o.address.clone(),
        contact: o.contact.clone(),
        website: o
            .website
            .as_deref()
            .map(|w| super::views::editor_url(&site.settings.base_path, w)),
        contacts: super::contacts::org_contacts_url(ctx, o),
        leaders_url: site
            .people
            .iter()
            .any(|p| p.org.as_deref() == Some(&o.id))
            .then(|| ctx.href(&urls::org_leaders(&o.id))),
        parents,
        children: site.orgs.children[i]
            .iter()
            .map(|&c| org_tree(ctx, c, 0))
            .collect(),
        articles: articles.iter().take(20).map(|&a| &ctx.cards[a]).collect(),
        events: articles
            .iter()
            .filter_map(|&a| super::views::event_view(site, &site.articles[a]))
            .collect(),
        figures: figure_ids
            .iter()
            .filter_map(|id| ctx.figures.get(*id).map(String::as_str))
            .collect(),
        tables,
    };
    ctx.file(index_of(&rel), ctx.render("org.html", &view)?)
}

fn dataset_page(ctx: &Ctx, id: &str) -> Result<String, Diagnostic> {
    let ds = &ctx.site.datasets[id];
    let rel = urls::dataset(id);
    let (h, hu) = home_crumb(ctx);
    let (s, su) = stats_crumb(ctx);
    let page = PageMeta::new(
        ctx,
        "dataset",
        &ds.title,
        ds.description.as_deref().unwrap_or(&ds.title),
        &rel,
    )
    .crumb(&h, hu)
    .crumb(&s, su);
    let cols: Vec<String> = ds.columns.iter().map(|c| c.id.clone()).collect();
    let rows: Vec<usize> = (0..ds.rows.len()).collect();
    let figures = ctx
        .site
        .named_charts
        .iter()
        .filter(|c| ctx.site.charts[*c].dataset.as_deref() == Some(id))
        .filter_map(|c| ctx.figures.get(c).map(String::as_str))
        .collect();
    let view = DatasetCtx {
        page,
        table: body::table(ctx, id, &cols, &rows),
        description: ds.description.clone(),
        figures,
    };
    ctx.file(index_of(&rel), ctx.render("dataset.html", &view)?)
}

fn overview(ctx: &Ctx) -> Result<String, Diagnostic> {
    let site = ctx.site;
    let title = ctx
        .theme
        .words
        .get("statistics")
        .cloned()
        .unwrap_or_default();
    let (h, hu) = home_crumb(ctx);
    let page = PageMeta::new(ctx, "stats", &title, &title, urls::STATS).crumb(&h, hu);
    let view = StatsCtx {
        page,
        datasets: site
            .datasets
            .values()
            .map(|d| DatasetLink {
                title: d.title.clone(),
                url: ctx.href(&urls::dataset(&d.id)),
                source: d.source.clone(),
                rows: d.rows.len(),
            })
            .collect(),
        charts: site
            .named_charts
            .iter()
            .map(|id| NamedLink {
                name: site.charts[id].title.clone(),
                url: ctx.href(&urls::chart_svg(id)),
            })
            .collect(),
        tree: (0..site.orgs.list.len())
            .filter(|&i| site.orgs.list[i].parent.is_none())
            .map(|i| org_tree(ctx, i, 0))
            .collect(),
        stats: super::views::home_stats(site),
    };
    ctx.file(index_of(urls::STATS), ctx.render("stats.html", &view)?)
}
