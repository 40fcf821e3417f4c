//! Reads a site folder: every file under content/ into typed but unchecked values.
//!
//! Loading only parses; references between files (an article's org, a chart's
//! dataset) are checked when the model is built.

pub mod data;
pub use crate::input::frontmatter;
pub mod inside;
mod language;
pub use language::language_of;
pub mod schedule;
pub mod sheets;

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{self, Settings};
use crate::diagnostic::msg::Site;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::input::dataset::Dataset;
use crate::input::document::DocumentEntry;
use crate::input::org::Organization;
use crate::text::Lang;
use frontmatter::FrontMatter;

/// Options from the command line that change what is loaded.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub drafts: bool,
    pub base_url: Option<String>,
    /// `--clock`: the build's "now" in the site's time zone; None is now.
    pub clock: Option<jiff::civil::DateTime>,
    /// Show articles not yet due, marked, instead of holding them back (serve).
    pub preview_scheduled: bool,
}

/// A Markdown file with its front matter parsed and its body kept as text.
#[derive(Debug, Clone)]
pub struct MarkdownFile {
    /// Relative to the site root, as shown in messages: `content/articles/2023/a.md`.
    pub path: PathBuf,
    pub front: FrontMatter,
    pub yaml_text: String,
    pub body: String,
    pub body_line: usize,
    /// What reading the front matter noted (a value read as if quoted).
    pub warnings: Vec<Diagnostic>,
}

impl MarkdownFile {
    /// Where each key and value of the front matter is written in the file
    /// (read again, only when a message needs a place).
    pub fn places(&self) -> crate::yaml::Places {
        crate::yaml::Places::of(&self.yaml_text, crate::yaml::Offset::line(FRONT_LINE))
    }

    /// [`Self::places`], read the first time a message asks for a place.
    pub fn places_on_demand(&self) -> crate::yaml::OnDemand<'_> {
        crate::yaml::OnDemand::new(&self.yaml_text, crate::yaml::Offset::line(FRONT_LINE))
    }
}

/// The front matter starts on the line after the opening `---`.
pub const FRONT_LINE: usize = 2;

/// A named chart file: its id, spec text and where it came from.
#[derive(Debug, Clone)]
pub struct ChartFile {
    pub id: String,
    pub path: PathBuf,
    pub text: String,
}

/// What could not be read, so that references to it are not reported again:
/// the editor sees the one real problem, not its echoes.
#[derive(Debug, Clone, Default)]
pub struct Failed {
    pub datasets: std::collections::BTreeSet<String>,
    pub charts: std::collections::BTreeSet<String>,
    pub organizations: bool,
    pub documents: bool,
    pub people: bool,
}

/// Everything read from disk, before cross-checks. Files that could not be read
/// are missing from it; their errors are in `errors`.
#[derive(Debug)]
pub struct Loaded {
    pub errors: Diagnostics,
    pub failed: Failed,
    pub root: PathBuf,
    pub settings: Settings,
    pub articles: Vec<MarkdownFile>,
    pub pages: Vec<MarkdownFile>,
    pub datasets: Vec<Dataset>,
    pub charts: Vec<ChartFile>,
    pub organizations: Vec<Organization>,
    pub organizations_text: String,
    pub documents: Vec<DocumentEntry>,
    pub documents_text: String,
    pub people: Vec<crate::input::person::Person>,
    pub people_text: String,
    /// content/schedule/*.yaml, one file per ISO week.
    pub schedule: Vec<schedule::WeekFile>,
    /// Files under content/media and content/documents, relative to content/.
    pub assets: Vec<PathBuf>,
}

/// Reads the site at `root`. Only an unreadable site.yaml stops here; other
/// reading errors travel in `Loaded::errors` so the model's checks still run.
pub fn load(root: &Path, opts: &LoadOptions) -> Result<Loaded, Diagnostics> {
    if root.canonicalize().is_ok_and(|r| r.parent().is_none()) {
        return Err(Diagnostic::new("--root", Site::RootIsDiskTop).into());
    }
    let content = root.join("content");
    if !content.is_dir() {
        return Err(Diagnostic::new(root.join("content"), Site::NoContent).into());
    }
    links_at_top(root)?;
    let mut errors = Diagnostics::default();
    let settings = config::load(
        &content.join("site.yaml"),
        Path::new("content/site.yaml"),
        opts.base_url.as_deref(),
    );
    let (articles, e) = markdown_files(root, "articles", opts.drafts);
    errors.extend(e);
    let (pages, e) = markdown_files(root, "pages", opts.drafts);
    errors.extend(e);
    let mut failed = Failed::default();
    let lang = settings.as_ref().map_or(Lang::default(), |s| s.lang);
    let (datasets, bad, e) = data::datasets(root, lang);
    failed.datasets.extend(bad);
    errors.extend(e);
    let (charts, bad, e) = data::chart_files(root);
    failed.charts.extend(bad);
    errors.extend(e);
    let (organizations, organizations_text, e) = data::organizations(root);
    failed.organizations = !e.is_empty();
    errors.extend(e);
    let (documents, documents_text, e) = data::documents(root);
    failed.documents = !e.is_empty();
    errors.extend(e);
    let (people, people_text, e) = data::people(root);
    failed.people = !e.is_empty();
    errors.extend(e);
    let (weeks, e) = schedule::weeks(root);
    errors.extend(e);
    let (assets, e) = assets(root);
    errors.extend(e);
    let settings = match settings {
        Ok(mut s) => {
            s.clock.now = opts.clock.unwrap_or(s.clock.now);
            s.clock.preview = opts.preview_scheduled;
            Some(s)
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };
    match settings {
        Some(settings) => Ok(Loaded {
            errors,
            failed,
            root: root.to_path_buf(),
            settings,
            articles,
            pages,
            datasets,
            charts,
            people,
            people_text,
            schedule: weeks,
            organizations,
            organizations_text,
            documents,
            documents_text,
            assets,
        }),
        None => {
            errors.sort();
            Err(errors)
        }
    }
}

/// content/ and the files and folders right in it (site.yaml, the lists, the
/// section folders), checked before any is read: a link among them that
/// points out of the site folder stops the build at once.
fn links_at_top(root: &Path) -> Result<(), Diagnostics> {
    let mut errors = Diagnostics::default();
    if let Err(e) = inside::check(root, Path::new("content")) {
        errors.push(e);
        return errors.into_result(());
    }
    let entries = std::fs::read_dir(root.join("content"))
        .into_iter()
        .flatten();
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_symlink()) {
            let rel = Path::new("content").join(entry.file_name());
            if let Err(e) = inside::check(root, &rel) {
                errors.push(e);
            }
        }
    }
    errors.into_result(())
}

/// Text files larger than this are refused: no article is 10 MB of words, and
/// reading such a file (a video renamed .md, say) would only stall the build.
pub const MAX_TEXT_FILE: u64 = 10_000_000;

/// Reads a file as normalized text, naming the file when it cannot.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    inside::check(root, rel)?;
    let size = std::fs::metadata(root.join(rel))
        .map_err(|e| Diagnostic::io(rel, &e))?
        .len();
    if size > MAX_TEXT_FILE {
        return Err(Diagnostic::new(
            rel,
            Site::FileTooLarge {
                size_mb: format!("{:.1}", size as f64 / 1e6),
                max_mb: MAX_TEXT_FILE / 1_000_000,
            },
        ));
    }
    let bytes = std::fs::read(root.join(rel)).map_err(|e| Diagnostic::io(rel, &e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        Diagnostic::new(rel, crate::diagnostic::msg::Io::NotUtf8).at_line(line)
    })?;
    Ok(crate::text::normalize(&text))
}

/// Files with the given extension under `content/<dir>`, sorted, relative to
/// root; and an error for each folder that cannot be read (its files would
/// otherwise be missing from the site without a word).
pub fn files_under(root: &Path, dir: &str, ext: &[&str]) -> (Vec<PathBuf>, Diagnostics) {
    let wanted = |path: &Path| {
        path.extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ext.iter().any(|want| x.eq_ignore_ascii_case(want)))
    };
    let (mut out, errors) = walk(root, &root.join("content").join(dir));
    out.retain(|p| wanted(p));
    (out, errors)
}

/// Every file below `base` not hidden by a leading dot, sorted, relative to
/// root. A link to a file that is gone (or moved mid-build) is kept, so reading
/// it reports the problem instead of dropping the file; an unreadable folder is
/// an error.
fn walk(root: &Path, base: &Path) -> (Vec<PathBuf>, Diagnostics) {
    let mut out = Vec::new();
    let mut errors = Diagnostics::default();
    let mut walker = WalkDir::new(base)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    while let Some(entry) = walker.next() {
        let path = match entry {
            Ok(e) if e.path_is_symlink() && link_leaves(root, e.path(), &mut errors) => {
                if e.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
            Ok(e) if e.file_type().is_file() => e.into_path(),
            Ok(_) => continue,
            Err(e) if e.path().is_some_and(Path::is_dir) => {
                let at = e.path().unwrap_or(base);
                let rel = at.strip_prefix(root).unwrap_or(at);
                if e.io_error()
                    .is_some_and(|io| io.kind() != ErrorKind::NotFound)
                {
                    errors.push(Diagnostic::new(rel, unreadable_folder(&e)));
                }
                continue;
            }
            Err(e) => match e.path() {
                Some(p) if p != base => p.to_path_buf(),
                _ => continue,
            },
        };
        if let Ok(rel) = path.strip_prefix(root) {
            out.push(rel.to_path_buf());
        }
    }
    out.sort();
    (out, errors)
}

/// True (and the error noted) when the link at `path` points out of the site.
fn link_leaves(root: &Path, path: &Path, errors: &mut Diagnostics) -> bool {
    let rel = path.strip_prefix(root).unwrap_or(path);
    match inside::check(root, rel) {
        Ok(()) => false,
        Err(e) => {
            errors.push(e);
            true
        }
    }
}

fn unreadable_folder(e: &walkdir::Error) -> Site {
    match e.io_error().map(std::io::Error::kind) {
        Some(ErrorKind::PermissionDenied) => Site::FolderDenied,
        _ => Site::FolderUnreadable { why: e.to_string() },
    }
}

/// The endings of Markdown files, articles and pages alike.
const MARKDOWN: &[&str] = &["md", "markdown"];

/// Whether `rel` (relative to the site folder) is an article's source: a
/// Markdown file under content/articles/, what `serve`'s quick rebuilds and
/// the build cache take one at a time.
pub fn is_article_source(rel: &Path) -> bool {
    let markdown = rel
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| MARKDOWN.iter().any(|m| e.eq_ignore_ascii_case(m)));
    markdown && rel.starts_with("content/articles")
}

fn markdown_files(root: &Path, dir: &str, drafts: bool) -> (Vec<MarkdownFile>, Diagnostics) {
    let (paths, mut errors) = files_under(root, dir, MARKDOWN);
    let results: Vec<Result<Option<MarkdownFile>, Diagnostics>> = paths
        .par_iter()
        .map(|rel| read_markdown(root, rel).map_err(Diagnostics::from))
        .collect();
    let (files, e) = crate::diagnostic::partition(results);
    errors.extend(e);
    let files = files
        .into_iter()
        .flatten()
        .filter(|f| drafts || !f.front.draft)
        .collect();
    (files, errors)
}

pub fn read_markdown(root: &Path, rel: &Path) -> Result<Option<MarkdownFile>, Diagnostic> {
    let text = read_text(root, rel)?;
    let split = frontmatter::split(&text, rel)?;
    let mut warnings = Diagnostics::default();
    let front = frontmatter::parse_noting(&split, rel, &mut warnings)?;
    Ok(Some(MarkdownFile {
        warnings: warnings.0,
        path: rel.to_path_buf(),
        front,
        yaml_text: split.yaml.to_string(),
        body: split.body.to_string(),
        body_line: split.body_line,
    }))
}

/// The files under content/media and content/documents, relative to content/.
fn assets(root: &Path) -> (Vec<PathBuf>, Diagnostics) {
    let mut out = Vec::new();
    let mut errors = Diagnostics::default();
    for dir in ["media", "documents"] {
        let (files, e) = walk(root, &root.join("content").join(dir));
        // A link to a missing file is not an asset: a reference to it is
        // reported as missing where it is made.
        let files = files.into_iter().filter(|p| root.join(p).is_file());
        out.extend(files.filter_map(|p| p.strip_prefix("content").ok().map(Path::to_path_buf)));
        errors.extend(e);
    }
    out.sort();
    (out, errors)
}
