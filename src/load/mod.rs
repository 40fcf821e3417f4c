//! Reads a site folder: every file under content/ into typed but unchecked values.
//!
//! Loading only parses; references between files (an article's org, a chart's
//! dataset) are checked when the model is built.

pub mod data;
pub mod frontmatter;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{self, Settings};
use crate::error::{Error, Errors};
use crate::model::dataset::Dataset;
use crate::model::document::DocumentEntry;
use crate::model::org::Organization;
use frontmatter::FrontMatter;

/// Options from the command line that change what is loaded.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub drafts: bool,
    pub base_url: Option<String>,
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
}

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
}

/// Everything read from disk, before cross-checks. Files that could not be read
/// are missing from it; their errors are in `errors`.
#[derive(Debug)]
pub struct Source {
    pub errors: Errors,
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
    /// Files under content/media and content/documents, relative to content/.
    pub assets: Vec<PathBuf>,
}

/// Reads the site at `root`. Only an unreadable site.yaml stops here; other
/// reading errors travel in `Source::errors` so the model's checks still run.
pub fn load(root: &Path, opts: &LoadOptions) -> Result<Source, Errors> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(Error::new(
            root.join("content"),
            "no content folder here; run trangtin in a site folder, give --root DIR, or create one with `trangtin init DIR`",
        )
        .into());
    }
    let mut errors = Errors::default();
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
    let (datasets, bad, e) = data::datasets(root);
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
    let assets = assets(&content);
    let settings = match settings {
        Ok(s) => Some(s),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    match settings {
        Some(settings) => Ok(Source {
            errors,
            failed,
            root: root.to_path_buf(),
            settings,
            articles,
            pages,
            datasets,
            charts,
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

/// Text files larger than this are refused: no article is 10 MB of words, and
/// reading such a file (a video renamed .md, say) would only stall the build.
pub const MAX_TEXT_FILE: u64 = 10_000_000;

/// Reads a file as normalized text, naming the file when it cannot.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Error> {
    let size = std::fs::metadata(root.join(rel))
        .map_err(|e| Error::io(rel, &e))?
        .len();
    if size > MAX_TEXT_FILE {
        return Err(Error::new(
            rel,
            format!(
                "the file is {:.1} MB; articles, pages and data files can be at most {} MB: split it, or put large files in content/documents/ or content/media/",
                size as f64 / 1e6,
                MAX_TEXT_FILE / 1_000_000
            ),
        ));
    }
    let bytes = std::fs::read(root.join(rel)).map_err(|e| Error::io(rel, &e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        Error::new(rel, "the file is not valid UTF-8 text; save it as UTF-8").at_line(line)
    })?;
    Ok(crate::text::normalize(&text))
}

/// Files with the given extension under `content/<dir>`, sorted, relative to root.
pub fn files_under(root: &Path, dir: &str, ext: &[&str]) -> Vec<PathBuf> {
    let base = root.join("content").join(dir);
    let wanted = |path: &Path| {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        !hidden
            && path
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| ext.iter().any(|want| x.eq_ignore_ascii_case(want)))
    };
    let mut out: Vec<PathBuf> = WalkDir::new(&base)
        .follow_links(true)
        .into_iter()
        .filter_map(|entry| match entry {
            Ok(e) if e.file_type().is_file() => Some(e.path().to_path_buf()),
            Ok(_) => None,
            // A link to a file that is gone (or moved mid-build): kept, so
            // reading it reports the problem instead of dropping the article.
            Err(e) => e.path().filter(|p| p != &base).map(Path::to_path_buf),
        })
        .filter(|p| wanted(p))
        .filter_map(|p| p.strip_prefix(root).ok().map(Path::to_path_buf))
        .collect();
    out.sort();
    out
}

fn markdown_files(root: &Path, dir: &str, drafts: bool) -> (Vec<MarkdownFile>, Errors) {
    let paths = files_under(root, dir, &["md", "markdown"]);
    let results: Vec<Result<Option<MarkdownFile>, Errors>> = paths
        .par_iter()
        .map(|rel| read_markdown(root, rel).map_err(Errors::from))
        .collect();
    let (files, errors) = crate::error::partition(results);
    let files = files
        .into_iter()
        .flatten()
        .filter(|f| drafts || !f.front.draft)
        .collect();
    (files, errors)
}

pub fn read_markdown(root: &Path, rel: &Path) -> Result<Option<MarkdownFile>, Error> {
    let text = read_text(root, rel)?;
    let split = frontmatter::split(&text, rel)?;
    let front = frontmatter::parse(&split, rel)?;
    Ok(Some(MarkdownFile {
        path: rel.to_path_buf(),
        front,
        yaml_text: split.yaml.to_string(),
        body: split.body.to_string(),
        body_line: split.body_line,
    }))
}

fn assets(content: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["media", "documents"] {
        for e in WalkDir::new(content.join(dir))
            .follow_links(true)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if let Ok(rel) = e.path().strip_prefix(content) {
                out.push(rel.to_path_buf());
            }
        }
    }
    out.sort();
    out
}
