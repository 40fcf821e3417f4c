//! The pipeline: load → model → render → write. `check` runs it without writing.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::cache;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, LoadOptions};
use crate::model::{self, Site};
use crate::output::{Memory, OutputFile, Sink};
use crate::render::{self, memo::Incremental, Rendered};
use crate::theme::{self, Theme};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub drafts: bool,
    pub base_url: Option<String>,
    /// `--clock`: the build's "now" in the site's time zone; None is now.
    pub clock: Option<jiff::civil::DateTime>,
}

/// What a successful run did, for the one-line summary.
#[derive(Debug, Clone)]
pub struct Report {
    pub pages: usize,
    pub files: usize,
    pub charts: usize,
    /// Photos of the site, and how many were decoded (not found in the cache).
    pub photos: usize,
    pub photos_made: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// Links to other sites (`file:line: url`), listed by `check`; never fetched.
    pub external: Vec<String>,
    /// Set by `check`: each article's and page's output file → its source
    /// file, which publish records to keep moved addresses as redirects.
    pub sources: std::collections::BTreeMap<String, String>,
    /// Set by `check`: makes the redirect pages publish keeps.
    pub redirector: render::redirects::Redirector,
    /// Articles dated after the build clock, held back.
    pub pending: crate::model::timing::Pending,
    /// What the build cache spared; None when it was not used.
    pub cache: Option<CacheUse>,
}

/// What a build with the cache wrote ([`build_cached`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheUse {
    /// Nothing changed since the last build: nothing was read or written.
    pub unchanged: bool,
    /// Files written (new or changed) and files of the last build removed.
    pub written: usize,
    pub removed: usize,
    /// Pages the memo found unchanged, so not rendered again.
    pub reused: usize,
}

/// Loads, checks and renders the site in memory.
pub fn render_site(opts: &BuildOptions) -> Result<(Site, Vec<OutputFile>), Diagnostics> {
    render_site_with(opts, &|_| {})
}

/// [`render_site`], calling `step` as each stage starts (see [`crate::progress::STEPS`]).
pub fn render_site_with(
    opts: &BuildOptions,
    step: &dyn Fn(&str),
) -> Result<(Site, Vec<OutputFile>), Diagnostics> {
    let (site, theme) = model_and_theme(opts, step)?;
    step("rendering pages");
    let made = Memory::default();
    render_to(&site, &theme, None, true, &made)?;
    Ok((site, made.into_files()))
}

/// Renders `site` into `sink`, pages and (when `search`) the search index,
/// made beside the pages from the same cards; `inc` as in
/// [`render::render_with`]. The paths returned are of every file put.
pub fn render_to(
    site: &Site,
    theme: &Theme,
    inc: Option<&Incremental>,
    search: bool,
    sink: &dyn Sink,
) -> Result<Rendered, Diagnostics> {
    let cards = render::cards(site);
    let (rendered, index) = rayon::join(
        || render::render_with(site, theme, &cards, inc, sink),
        || {
            if search {
                crate::search::index_into(site, theme, &cards, sink)
            } else {
                Ok(Vec::new())
            }
        },
    );
    let mut rendered = rendered?;
    rendered.paths.extend(index?);
    rendered.paths.sort_unstable();
    render::check_unique(&rendered.paths)?;
    Ok(rendered)
}

fn model_and_theme(opts: &BuildOptions, step: &dyn Fn(&str)) -> Result<(Site, Theme), Diagnostics> {
    step("reading content");
    let src = load::load(
        &opts.root,
        &LoadOptions {
            drafts: opts.drafts,
            base_url: opts.base_url.clone(),
            clock: opts.clock,
            preview_scheduled: false,
        },
    )?;
    step("checking");
    let site = model::build(src)?;
    let theme = theme::load(
        &opts.root,
        site.settings.site.theme.as_deref(),
        site.settings.lang,
    )?;
    theme::check_words(&theme, site.settings.lang).into_result(())?;
    Ok((site, theme))
}

pub fn build(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    build_with(opts, &|_| {})
}

/// [`build`], calling `step` as each stage starts (see [`crate::progress::STEPS`]).
pub fn build_with(opts: &BuildOptions, step: &dyn Fn(&str)) -> Result<Report, Diagnostics> {
    let start = Instant::now();
    // Judged before anything is read or made (photos fill .trangtin-cache/),
    // so a refused --output leaves every byte where it was.
    crate::output_rules::check(&opts.root, &opts.output)?;
    let (site, theme) = model_and_theme(opts, step)?;
    step("rendering pages");
    // Pages are written into the staging folder as they are rendered; the
    // output is swapped only if everything succeeds (else staging is removed).
    let staging = crate::write::Staging::new(&opts.root, &opts.output)?;
    let rendered =
        render_to(&site, &theme, None, true, &staging).map_err(|e| e.relative_to(&opts.root))?;
    step("writing files");
    staging
        .commit()
        .map_err(|e| Diagnostics::from(e).relative_to(&opts.root))?;
    Ok(report(&site, &rendered.paths, start))
}

/// [`build_with`] with the build cache ([`crate::cache`]): when nothing
/// changed since the last build, nothing is rendered or written; otherwise
/// the pages the memo finds unchanged are not rendered again, files whose
/// bytes did not change stay as they are, and the rest are moved into the
/// output once every page is made. Without a usable last output the output
/// is swapped in whole, as [`build_with`] does. `fresh` ignores the cache and
/// makes it anew.
pub fn build_cached(
    opts: &BuildOptions,
    fresh: bool,
    step: &dyn Fn(&str),
) -> Result<Report, Diagnostics> {
    let start = Instant::now();
    let out = crate::output_rules::check(&opts.root, &opts.output)?;
    let clock = opts.clock.map(|c| c.to_string());
    let key = cache::options_key(opts.drafts, opts.base_url.as_deref(), clock, &out);
    let (old, warning) = match fresh {
        true => (None, None),
        false => cache::read(&opts.root),
    };
    let old = old.filter(|r| r.options == key);
    let none = cache::stamps::Inputs::default();
    let known = old.as_ref().map_or(&none, |r| &r.inputs);
    let inputs = cache::stamps::inputs(&opts.root, known);
    let on_disk = cache::stamps::outputs(&out);
    let now = jiff::Timestamp::now().as_second();
    if let Some(r) = old.as_ref() {
        if r.unchanged(key, &inputs, &on_disk, now) {
            return Ok(unchanged_report(r, start));
        }
    }
    let (site, theme) = model_and_theme(opts, step)?;
    step("rendering pages");
    let before = old
        .as_ref()
        .map(|r| r.still_written(&on_disk))
        .unwrap_or_default();
    let inc = incremental(&site, old.as_ref(), &inputs, &before);
    let relative = |e: Diagnostics| e.relative_to(&opts.root);
    let staging = crate::write::Staging::new(&opts.root, &opts.output)?;
    let sink = cache::sink::Apply::new(&staging, &before);
    let rendered = render_to(&site, &theme, Some(&inc), true, &sink).map_err(relative)?;
    step("writing files");
    let made = sink
        .finish(&rendered.kept)
        .map_err(|e| relative(e.into()))?;
    let paths: Vec<String> = made.iter().map(|m| m.path.clone()).collect();
    let gone: Vec<String> = on_disk
        .keys()
        .filter(|p| paths.binary_search(p).is_err())
        .cloned()
        .collect();
    let put: Vec<String> = made
        .iter()
        .filter(|m| m.kept.is_none())
        .map(|m| m.path.clone())
        .collect();
    if before.is_empty() {
        staging.commit().map_err(|e| relative(e.into()))?;
    } else {
        // Forgotten first: a build stopped while files move leaves an output
        // that the next build must make whole again.
        cache::forget(&opts.root);
        staging
            .apply_in_place(&put, &gone)
            .map_err(|e| relative(e.into()))?;
    }
    let mut report = report(&site, &paths, start);
    report.cache = Some(CacheUse {
        unchanged: false,
        written: put.len(),
        removed: gone.len(),
        reused: rendered.kept.len(),
    });
    report.warnings.extend(warning);
    let record = cache::Record {
        options: key,
        inputs,
        outputs: cache::written(&out, made),
        pages: rendered.memo.pages,
        valid_until: valid_until(&site, opts.clock.is_some()),
        summary: cache::Summary {
            pages: report.pages,
            files: report.files,
            charts: report.charts,
            photos: report.photos,
        },
        pending: (
            site.pending.count,
            site.pending.next.map(|w| (w.at.to_string(), w.has_time)),
        ),
        // Its own warning about the cache is not the site's.
        quiet: site.warnings.is_empty(),
    };
    // A cache that cannot be written only makes the next build slower.
    let _ = cache::save(&opts.root, &record);
    Ok(report)
}

/// The report of a build that found nothing changed.
fn unchanged_report(r: &cache::Record, start: Instant) -> Report {
    let s = &r.summary;
    Report {
        pages: s.pages,
        files: s.files,
        charts: s.charts,
        photos: s.photos,
        photos_made: 0,
        warnings: Vec::new(),
        elapsed: start.elapsed(),
        external: Vec::new(),
        sources: Default::default(),
        redirector: Default::default(),
        pending: crate::model::timing::Pending {
            count: r.pending.0,
            next: r.pending.1.as_ref().and_then(|(at, has_time)| {
                let at = at.parse().ok()?;
                Some(crate::text::date::When {
                    at,
                    has_time: *has_time,
                })
            }),
        },
        cache: Some(CacheUse {
            unchanged: true,
            ..CacheUse::default()
        }),
    }
}

/// The memo of the last build for this one: only when every input that
/// changed is an article (the rule serve's quick rebuilds follow: any other
/// change renders every page), and only for pages still on disk as written.
fn incremental(
    site: &Site,
    old: Option<&cache::Record>,
    inputs: &cache::stamps::Inputs,
    before: &std::collections::BTreeMap<String, cache::Written>,
) -> Incremental {
    let slash = |p: &std::path::Path| p.to_string_lossy().replace('\\', "/");
    let keys: Option<Vec<u64>> = site
        .articles
        .iter()
        .map(|a| inputs.get(&slash(&a.path)).map(|i| i.hash))
        .collect();
    let usable = old.is_some_and(|r| {
        cache::changed_inputs(&r.inputs, inputs)
            .iter()
            .all(|p| load::is_article_source(std::path::Path::new(p)))
    });
    let pages = match old {
        Some(r) if usable && keys.is_some() => r
            .pages
            .iter()
            .filter(|(p, _)| before.contains_key(*p))
            .map(|(p, f)| (p.clone(), *f))
            .collect(),
        _ => Default::default(),
    };
    Incremental {
        article_keys: keys.unwrap_or_default(),
        previous: render::memo::Memo {
            pages,
            charts: Default::default(),
        },
    }
}

/// Until when the clock changes nothing this build made (Unix seconds): the
/// next midnight (pages show the date and this week's schedule), the next
/// article due, the next taken down. None with a fixed `--clock`.
fn valid_until(site: &Site, fixed: bool) -> Option<i64> {
    if fixed {
        return None;
    }
    let s = &site.settings;
    let now = s.clock.now;
    let midnight = now.date().tomorrow().ok().map(|d| d.at(0, 0, 0, 0));
    let due = site.pending.next.map(|w| w.at);
    let down = site.articles.iter().filter_map(|a| a.expires).map(|w| w.at);
    let first = midnight
        .into_iter()
        .chain(due)
        .chain(down.filter(|t| *t > now))
        .min();
    let at = first.and_then(|t| s.tz.to_timestamp(t).ok());
    // Not known: never reused.
    Some(at.map_or(0, |t| t.as_second()))
}

/// Everything `build` checks, plus links between pages; writes nothing.
pub fn check(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    checked(opts, false)
}

/// [`check`], then write what was checked: one render instead of two, for
/// `publish`, which must not put up a site that fails a check.
pub fn check_and_build(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    checked(opts, true)
}

fn checked(opts: &BuildOptions, write: bool) -> Result<Report, Diagnostics> {
    let start = Instant::now();
    if write {
        crate::output_rules::check(&opts.root, &opts.output)?;
    }
    let (site, theme) = model_and_theme(opts, &|_| {})?;
    let made = Memory::default();
    let paths = render_to(&site, &theme, None, true, &made)?.paths;
    let files = made.into_files();
    crate::links::check(&site, &files).into_result(())?;
    if write {
        crate::write::write(&opts.root, &opts.output, &files)
            .map_err(|e| Diagnostics::from(e).relative_to(&opts.root))?;
    }
    let mut r = report(&site, &paths, start);
    r.external = crate::links::external(&site);
    r.sources = render::redirects::sources(&site);
    r.redirector = render::redirects::Redirector::new(&site.settings, &theme);
    Ok(r)
}

fn report(site: &Site, paths: &[String], start: Instant) -> Report {
    Report {
        pages: paths.iter().filter(|p| p.ends_with(".html")).count(),
        files: paths.len(),
        charts: site.charts.len(),
        photos: site.photos.photos.len(),
        photos_made: site.photos.decoded,
        warnings: site.warnings.clone(),
        elapsed: start.elapsed(),
        external: Vec::new(),
        sources: Default::default(),
        redirector: Default::default(),
        pending: site.pending.clone(),
        cache: None,
    }
}
