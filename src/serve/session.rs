//! The state of a `serve` run between rebuilds, and the rebuilds themselves.
//!
//! A full rebuild reads the whole site. After it, an edit to articles only is
//! handled quickly: the edited files are read and checked again against the
//! site-wide parts kept from the full rebuild ([`model::build::Base`]), the
//! site is assembled from the articles already checked, the renderer skips the
//! pages whose inputs did not change ([`render::memo`]), and only files whose
//! bytes changed are written. An edit to one article is quicker still
//! ([`quick`]): the article is replaced in the last site kept in memory and
//! only the pages that show it are rendered (its page alone when only its
//! body changed). The search index, slow on a large site, is made after
//! the pages are on disk ([`Session::refresh_search`]). Any other change
//! (templates, site.yaml, data, pages, media) means a full rebuild, which still
//! writes only changed files.

use std::collections::{BTreeMap, HashSet};
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::disk::Disk;
use super::quick;
use super::watch::{kind_of, Kind};
use crate::build;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::hash::Stable;
use crate::images::later::Later;
use crate::load::{self, LoadOptions, MarkdownFile};
use crate::model::build::{self as model_build, Base, Checked, CheckedPage};
use crate::model::Site;
use crate::output::Memory;
use crate::render::memo::{Incremental, Memo};
use crate::render::{self, Parts};
use crate::theme::{self, Theme};

/// What the serve command was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub drafts: bool,
    pub base_url: String,
}

/// What one rebuild did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The content errors, if the rebuild failed (the last good site stays).
    pub errors: Option<Diagnostics>,
    pub warnings: Vec<Diagnostic>,
    /// Pages rendered (the others did not change).
    pub rendered: usize,
    /// Files written or removed on disk.
    pub changed: usize,
    pub full: bool,
    /// Set when one article's edit was rendered into the last site.
    pub quick: Option<Quick>,
    pub elapsed: Duration,
    /// Scheduled articles (after a full rebuild).
    pub pending: crate::model::timing::Pending,
    /// Photos being made in the background, shown as they are meanwhile.
    pub photos_pending: usize,
}

/// The quick rebuilds ([`quick`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quick {
    /// Only the article's body changed: its page alone was rendered.
    Body,
    /// Its card changed too (title, date, category …): the site in memory
    /// was patched, and the pages showing the article rendered.
    Article,
}

pub struct Session {
    options: ServeOptions,
    /// None until a full rebuild succeeds in reading the site-wide files.
    state: Option<State>,
    disk: Disk,
    /// The last good site, kept while the last rebuild succeeded.
    last: Option<Last>,
    /// `--clock`; None is now at each full rebuild.
    clock: Option<jiff::civil::DateTime>,
    /// Photos made in the background (see [`crate::images::later`]).
    photos: Later,
}

struct State {
    base: Base,
    theme: Theme,
    /// Every article, checked, by source path.
    articles: BTreeMap<PathBuf, Entry>,
    pages: Vec<CheckedPage>,
    memo: Memo,
}

pub(super) struct Last {
    pub site: Site,
    pub parts: Parts,
    /// The search index on disk is older than the pages.
    pub search_stale: bool,
}

#[derive(Clone)]
pub(super) struct Entry {
    /// Of the source text: the article's own key for [`render::memo`].
    pub key: u64,
    pub checked: Checked,
}

impl Session {
    pub fn new(options: ServeOptions) -> Self {
        let disk = Disk::new(options.root.clone(), options.output.clone());
        Session {
            options,
            state: None,
            disk,
            last: None,
            clock: None,
            photos: Later::default(),
        }
    }

    /// Fixes the build clock (`--clock`) instead of reading it at each rebuild.
    pub fn with_clock(mut self, clock: Option<jiff::civil::DateTime>) -> Self {
        self.clock = clock;
        self
    }

    pub fn options(&self) -> &ServeOptions {
        &self.options
    }

    /// Rebuilds after `changed` (paths relative to the root).
    pub fn apply(&mut self, changed: &[PathBuf]) -> Outcome {
        let kinds: Vec<Kind> = changed.iter().map(|p| kind_of(p)).collect();
        if kinds.iter().all(|k| *k == Kind::Ignored) {
            return Outcome::default();
        }
        let Some(state) = self
            .state
            .as_mut()
            .filter(|_| !kinds.contains(&Kind::Other))
        else {
            return self.full();
        };
        let start = Instant::now();
        let updates: Vec<(PathBuf, Option<Entry>)> = changed
            .iter()
            .zip(&kinds)
            .filter(|(_, k)| **k == Kind::Article)
            .map(|(rel, _)| {
                (
                    rel.clone(),
                    read(&self.options, rel)
                        .map(|f| f.map_or_else(failed_entry, |f| entry(&f, &state.base))),
                )
            })
            .collect();
        let quick = quick::single_edit(
            &updates,
            &state.articles,
            &mut self.last,
            &state.theme,
            &mut state.memo,
        );
        let mut outcome = match quick {
            Some(Ok(made)) => self.write_quick(made),
            Some(Err(errors)) => self.failed(errors),
            None => Outcome::default(),
        };
        let quick = outcome.quick.is_some() || outcome.errors.is_some();
        if let Some(state) = self.state.as_mut() {
            for (rel, entry) in updates {
                match entry {
                    Some(e) => state.articles.insert(rel, e),
                    None => state.articles.remove(&rel),
                };
            }
        }
        if !quick {
            outcome = self.finish(false);
            outcome
                .warnings
                .retain(|w| w.path().is_some_and(|p| changed.iter().any(|c| c == p)));
        } else if let (None, Some(last)) = (&outcome.errors, &self.last) {
            let moved = moved(&self.options.root, &last.site);
            outcome.warnings.extend(
                moved
                    .into_iter()
                    .filter(|w| w.path().is_some_and(|p| changed.iter().any(|c| c == p))),
            );
        }
        outcome.elapsed = start.elapsed();
        outcome
    }

    /// Reads and renders the whole site.
    pub fn full(&mut self) -> Outcome {
        let start = Instant::now();
        let opts = LoadOptions {
            drafts: self.options.drafts,
            base_url: Some(self.options.base_url.clone()),
            clock: self.clock,
            // The preview shows what is not yet due, marked "chưa đăng".
            preview_scheduled: true,
        };
        let loaded = load::load(&self.options.root, &opts).and_then(|mut src| {
            let files = std::mem::take(&mut src.articles);
            let pages = std::mem::take(&mut src.pages);
            let mut base = model_build::base(src);
            // The editor never waits for photos: new ones are made in the
            // background and the page shows the original meanwhile.
            base.settings.site.images.later = Some(self.photos.clone());
            let theme = theme::load(
                &self.options.root,
                base.settings.site.theme.as_deref(),
                base.settings.lang,
            )?;
            theme::check_words(&theme, base.settings.lang).into_result(())?;
            let articles = files
                .par_iter()
                .map(|f| (f.path.clone(), entry(f, &base)))
                .collect();
            let pages = pages
                .par_iter()
                .map(|f| model_build::check_page(f, &base))
                .collect();
            Ok(State {
                base,
                theme,
                articles,
                pages,
                memo: Memo::default(),
            })
        });
        let mut outcome = match loaded {
            Ok(state) => {
                self.state = Some(state);
                self.finish(true)
            }
            Err(errors) => {
                // The site-wide files are wrong: the next change of any kind
                // reads everything again.
                self.state = None;
                self.failed(errors)
            }
        };
        outcome.full = true;
        outcome.elapsed = start.elapsed();
        outcome
    }

    /// Whether photos are being made in the background, or were made and
    /// the pages not yet rendered with them.
    pub fn photos_busy(&self) -> bool {
        self.photos.busy()
    }

    /// Renders the site again when background photos are ready: every page,
    /// since which pages show a photo is not remembered.
    pub fn photos_ready(&mut self) -> Outcome {
        if !self.photos.take_ready() {
            return Outcome::default();
        }
        let start = Instant::now();
        if let Some(s) = self.state.as_mut() {
            s.memo = Memo::default();
        }
        let mut outcome = self.finish(false);
        outcome.elapsed = start.elapsed();
        outcome
    }

    /// Whether the search index on disk is older than the pages.
    pub fn search_pending(&self) -> bool {
        self.last.as_ref().is_some_and(|l| l.search_stale)
    }

    /// Makes the search index of the last good site and writes what changed.
    pub fn refresh_search(&mut self) -> Outcome {
        let start = Instant::now();
        let Some(last) = self.last.as_mut().filter(|l| l.search_stale) else {
            return Outcome::default();
        };
        last.search_stale = false;
        let files = crate::search::index(
            &last.site,
            self.state.as_ref().map_or(&Theme::default(), |s| &s.theme),
            &last.parts.cards,
        );
        let dir = crate::search::DIR;
        match self.disk.sync(&files, |p| !p.starts_with(dir)) {
            Ok(changed) => Outcome {
                changed,
                elapsed: start.elapsed(),
                ..Outcome::default()
            },
            Err(e) => self.failed(e.into()),
        }
    }

    /// Writes what a quick rebuild made.
    fn write_quick(&mut self, made: quick::Made) -> Outcome {
        let rendered = made.files.iter().filter(|f| f.path.ends_with(".html"));
        let rendered = rendered.count();
        match self.disk.patch(made.files, &made.removed) {
            Ok(changed) => Outcome {
                rendered,
                changed,
                warnings: made.warnings,
                quick: Some(made.how),
                ..Outcome::default()
            },
            Err(e) => {
                // What is on disk is no longer known: the next rebuild renders it all.
                if let Some(s) = self.state.as_mut() {
                    s.memo = Memo::default();
                }
                self.failed(e.into())
            }
        }
    }

    fn failed(&mut self, errors: Diagnostics) -> Outcome {
        self.last = None;
        Outcome {
            // Copying a media file names it in full: shown from the site
            // folder, as the CLI shows it.
            errors: Some(errors.relative_to(&self.options.root)),
            ..Outcome::default()
        }
    }

    /// Assembles, renders and writes from the current state; with `search`,
    /// the search index too (else it is marked stale).
    fn finish(&mut self, search: bool) -> Outcome {
        let Some(state) = self.state.as_mut() else {
            return Outcome::default();
        };
        let checked: Vec<Checked> = state.articles.values().map(|e| e.checked.clone()).collect();
        let site = match model_build::assemble(state.base.clone(), checked, state.pages.clone()) {
            Ok(site) => site,
            Err(errors) => return self.failed(errors),
        };
        let keys = site
            .articles
            .iter()
            .map(|a| state.articles.get(&a.path).map_or(0, |e| e.key))
            .collect();
        let inc = Incremental {
            article_keys: keys,
            previous: std::mem::take(&mut state.memo),
        };
        // In memory: only the files whose bytes changed are written.
        let made = Memory::default();
        let rendered = match build::render_to(&site, &state.theme, Some(&inc), search, &made) {
            Ok(r) => r,
            Err(errors) => {
                state.memo = inc.previous;
                return self.failed(errors);
            }
        };
        state.memo = rendered.memo;
        let kept: HashSet<&str> = rendered.kept.iter().map(String::as_str).collect();
        let dir = crate::search::DIR;
        let files = made.into_files();
        let synced = self.disk.sync(&files, |p| {
            kept.contains(p) || (!search && p.starts_with(dir))
        });
        let mut warnings = site.warnings.clone();
        warnings.extend(moved(&self.options.root, &site));
        let pending = site.pending.clone();
        let photos_pending = site.photos.pending.len();
        let pages = rendered
            .paths
            .iter()
            .filter(|p| p.ends_with(".html"))
            .count();
        match (synced, rendered.parts) {
            (Ok(changed), Some(parts)) => {
                let old = self.last.replace(Last {
                    site,
                    parts,
                    search_stale: !search,
                });
                // Freeing the previous site and memo takes tens of
                // milliseconds on a large site: the editor need not wait.
                std::thread::spawn(move || drop((old, inc)));
                Outcome {
                    rendered: pages,
                    changed,
                    warnings,
                    pending,
                    photos_pending,
                    ..Outcome::default()
                }
            }
            (Ok(changed), None) => Outcome {
                rendered: pages,
                changed,
                warnings,
                pending,
                photos_pending,
                ..Outcome::default()
            },
            (Err(e), _) => {
                if let Some(s) = self.state.as_mut() {
                    s.memo = Memo::default();
                }
                self.failed(e.into())
            }
        }
    }
}

/// Reads one article; None when it is gone or is a draft not shown.
/// Pages whose address moved since the last publish (see [`crate::publish::moved_warnings`]).
fn moved(root: &Path, site: &crate::model::Site) -> Vec<Diagnostic> {
    crate::publish::moved_warnings(root, &render::redirects::sources(site))
}

fn read(options: &ServeOptions, rel: &Path) -> Option<Result<MarkdownFile, Diagnostic>> {
    if !options.root.join(rel).is_file() {
        return None;
    }
    match load::read_markdown(&options.root, rel) {
        Ok(Some(f)) if f.front.draft && !options.drafts => None,
        Ok(Some(f)) => Some(Ok(f)),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}

/// An article read, checked against `base`.
fn entry(f: &MarkdownFile, base: &Base) -> Entry {
    let key = Stable::new()
        .str(&f.yaml_text)
        .str(&f.body)
        .num(f.body_line as u64)
        .finish();
    Entry {
        key,
        checked: model_build::check_article(f, base),
    }
}

/// An article that could not be read: its error is shown until it is fixed.
fn failed_entry(e: Diagnostic) -> Entry {
    Entry {
        key: 0,
        checked: Err(e.into()),
    }
}
