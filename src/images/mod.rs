//! Photos: each JPEG, PNG or WebP under content/media made into web versions
//! (see [`process`]) once, kept in [`cache`], and described in a [`Catalog`]
//! that pages are rendered from. SVG and GIF files are copied as they are.
//!
//! The originals are not published unless site.yaml says `images: { originals:
//! true }`: at a photo's own address goes its largest web version, so links to
//! it keep working without the camera's data.

mod budget;
pub mod cache;
pub mod later;
pub mod process;
pub mod settings;
mod size;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{msg, Diagnostic, Diagnostics};
use process::{Meta, Problem};
pub use settings::ImageSettings;

/// Megapixels decoded at once at most (two 12-MP photos, or one larger).
const BUDGET_PIXELS: u64 = 30_000_000;

/// One version of a photo at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    /// Output path of the WebP file, when one is made at this width.
    pub webp: Option<String>,
    /// Output path of the JPEG (PNG for a transparent photo).
    pub legacy: String,
}

/// What a page needs to show a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// Upright size of the source.
    pub width: u32,
    pub height: u32,
    /// Smallest first.
    pub variants: Vec<Variant>,
    /// `image/jpeg` or `image/png`.
    pub legacy_type: &'static str,
    /// Output path of the link-preview version.
    pub og: String,
    /// Output path → the cached file to copy there.
    pub files: Vec<(String, PathBuf)>,
}

/// Every photo of the site by its path under content/ (`media/2023/a.jpg`).
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub photos: BTreeMap<String, Photo>,
    /// Photos decoded in this run (0 when all came from the cache).
    pub decoded: usize,
    /// Cache entries removed because no photo uses them.
    pub pruned: usize,
    /// Width and height of the SVG and GIF files, copied as they are.
    pub sizes: BTreeMap<String, (u32, u32)>,
    /// Photos being made in the background (`serve` only): pages show the
    /// original meanwhile, copied as it is.
    pub pending: Vec<String>,
}

/// A place where content shows a photo, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    /// Under content/: `media/2023/a.jpg`.
    pub src: String,
    /// The file that uses it, from the site folder.
    pub file: PathBuf,
    pub line: Option<usize>,
}

/// Whether the asset `rel` (under content/) is a photo the pipeline makes.
pub fn is_photo(rel: &Path) -> bool {
    rel.starts_with("media") && matches!(ext(rel).as_str(), "jpg" | "jpeg" | "png" | "webp")
}

fn ext(rel: &Path) -> String {
    rel.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Makes (or finds in the cache) the web versions of every photo in `assets`.
/// Diagnostics name the photo and every place that uses it.
pub fn prepare(
    root: &Path,
    settings: &ImageSettings,
    assets: &[PathBuf],
    uses: &[Use],
) -> Result<Catalog, Diagnostics> {
    let mut errors = Diagnostics::default();
    for rel in assets
        .iter()
        .filter(|r| r.starts_with("media") && matches!(ext(r).as_str(), "heic" | "heif"))
    {
        errors.extend(report(rel, &Problem::Heic, uses));
    }
    let cache = cache::Cache::open(root, settings);
    let budget = budget::Budget::new(BUDGET_PIXELS);
    let later = settings.later.as_ref();
    let photos: Vec<&PathBuf> = assets.iter().filter(|r| is_photo(r)).collect();
    let made: Vec<Result<Got, Diagnostics>> = photos
        .par_iter()
        .map(|rel| {
            match later {
                None => one(root, rel, settings, &cache, &budget).map(Got::Made),
                Some(l) => one_or_later(root, rel, &cache, l),
            }
            .map_err(|p| report(rel, &p, uses))
        })
        .collect();
    let mut catalog = Catalog::default();
    let mut seen = Vec::new();
    let mut jobs = Vec::new();
    for r in made {
        match r {
            Ok(Got::Made((src, key, meta, known, decoded))) => {
                catalog.decoded += usize::from(decoded);
                catalog
                    .photos
                    .insert(src.clone(), photo(&src, &key, &meta, &cache));
                seen.push((src, key, known));
            }
            Ok(Got::Pending(job)) => {
                catalog.pending.push(job.src.clone());
                jobs.push(job);
            }
            Err(e) => errors.extend(e),
        }
    }
    if let Some(l) = later {
        l.ask(root, settings, jobs);
    }
    errors.into_result(())?;
    catalog.sizes = assets
        .iter()
        .filter(|r| r.starts_with("media"))
        .filter_map(|r| {
            Some((
                r.to_string_lossy().replace('\\', "/"),
                size::of(&root.join("content").join(r))?,
            ))
        })
        .collect();
    // A cache that cannot be written only makes the next build slower. While
    // photos are made in the background, their entries are not pruned.
    if catalog.pending.is_empty() && later.is_none_or(|l| l.idle()) {
        catalog.pruned = cache.finish(seen).unwrap_or(0);
    }
    Ok(catalog)
}

/// A photo made (or found in the cache), or left to the background.
enum Got {
    Made(Found),
    Pending(later::Job),
}

/// A photo's path under content/, its cache key, what was made, what the
/// cache's index keeps of it, and whether it was decoded now.
type Found = (String, String, Meta, cache::Known, bool);

/// One photo: from the cache, or decoded and made now (then `true`).
fn one(
    root: &Path,
    rel: &Path,
    settings: &ImageSettings,
    cache: &cache::Cache,
    budget: &budget::Budget,
) -> Result<Found, Problem> {
    let (src, file, found) = look(root, rel, cache)?;
    match found {
        cache::Lookup::Hit { key, meta } => {
            let known = cache.known(&key, &file, &meta);
            Ok((src, key, meta, known, false))
        }
        cache::Lookup::Miss { key, bytes } => {
            let mp = image::ImageReader::new(std::io::Cursor::new(&bytes))
                .with_guessed_format()
                .ok()
                .and_then(|r| r.into_dimensions().ok())
                .map_or(0, |(w, h)| u64::from(w) * u64::from(h));
            let share = budget.take(mp.min(process::MAX_PIXELS));
            let (meta, files) = process::make(&bytes, settings)?;
            drop(share);
            cache.store(&key, &meta, &files).map_err(io)?;
            let known = cache.known(&key, &file, &meta);
            Ok((src, key, meta, known, true))
        }
    }
}

fn io(e: std::io::Error) -> Problem {
    Problem::Damaged(e.to_string())
}

/// A photo's path under content/, its file's metadata, and what the cache
/// has of it.
fn look(
    root: &Path,
    rel: &Path,
    cache: &cache::Cache,
) -> Result<(String, std::fs::Metadata, cache::Lookup), Problem> {
    let src = rel.to_string_lossy().replace('\\', "/");
    let abs = root.join("content").join(rel);
    let file = std::fs::metadata(&abs).map_err(io)?;
    if file.len() > process::MAX_BYTES {
        return Err(Problem::TooLarge { bytes: file.len() });
    }
    let found = cache.lookup(&src, &abs, &file).map_err(io)?;
    Ok((src, file, found))
}

/// For `serve`: a photo from the cache, or checked without decoding and left
/// to the background (or the problem found when the background tried it).
fn one_or_later(
    root: &Path,
    rel: &Path,
    cache: &cache::Cache,
    later: &later::Later,
) -> Result<Got, Problem> {
    let (src, file, found) = look(root, rel, cache)?;
    match found {
        cache::Lookup::Hit { key, meta } => {
            let known = cache.known(&key, &file, &meta);
            Ok(Got::Made((src, key, meta, known, false)))
        }
        cache::Lookup::Miss { key, bytes } => {
            if let Some(p) = later.failure(&key) {
                return Err(p);
            }
            process::precheck(&bytes)?;
            Ok(Got::Pending(later::Job { src, key }))
        }
    }
}

/// The catalog entry of a made photo: output names carry the key, so a
/// replaced photo gets new addresses and never shows stale from a browser's cache.
fn photo(src: &str, key: &str, meta: &Meta, cache: &cache::Cache) -> Photo {
    let stem = out_stem(src, key);
    let ext = meta.legacy_ext();
    let mut files = Vec::new();
    let mut add = |name: String| {
        let out = format!("{stem}.{name}");
        files.push((out.clone(), cache.file(key, &name)));
        out
    };
    let mut variants: Vec<Variant> = meta
        .widths
        .iter()
        .map(|&w| Variant {
            width: w,
            height: meta.height_for(w),
            webp: Some(add(format!("{w}.webp"))),
            legacy: add(format!("{w}.{ext}")),
        })
        .collect();
    let og = match variants.iter().find(|v| v.width == meta.og_width) {
        Some(v) => v.legacy.clone(),
        None => {
            let og = add(format!("{}.{ext}", meta.og_width));
            variants.push(Variant {
                width: meta.og_width,
                height: meta.height_for(meta.og_width),
                webp: None,
                legacy: og.clone(),
            });
            og
        }
    };
    variants.sort_by_key(|v| v.width);
    files.push((src.to_string(), cache.file(key, &meta.fallback)));
    Photo {
        width: meta.width,
        height: meta.height,
        variants,
        legacy_type: if meta.alpha {
            "image/png"
        } else {
            "image/jpeg"
        },
        og,
        files,
    }
}

/// `media/Ảnh 2023/Hội nghị.JPG` → `media/anh-2023/hoi-nghi.<key>`: plain
/// ASCII, so the names need no escaping inside `srcset`.
fn out_stem(src: &str, key: &str) -> String {
    let path = Path::new(src);
    let mut parts: Vec<String> = path
        .parent()
        .into_iter()
        .flat_map(|p| p.iter())
        .map(|c| slug_or(&c.to_string_lossy(), "anh"))
        .collect();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    parts.push(format!(
        "{}.{}{}",
        slug_or(&stem, "anh"),
        &key[..8],
        &key[16..20]
    ));
    parts.join("/")
}

fn slug_or(s: &str, fallback: &str) -> String {
    let s = crate::text::slug::slugify(s);
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

/// What is wrong with the photo at `photo` (shown from the site folder).
fn problem(photo: &Path, p: &Problem) -> msg::Photo {
    let file = photo.display().to_string();
    match p {
        Problem::NotAPhoto => msg::Photo::NotAPhoto { file },
        Problem::Heic => msg::Photo::Heic { file },
        Problem::Damaged(why) => msg::Photo::Damaged {
            file,
            why: why.clone(),
        },
        Problem::TooManyPixels { width, height } => msg::Photo::TooManyPixels {
            file,
            width: *width,
            height: *height,
            limit_mp: process::MAX_PIXELS / 1_000_000,
        },
        Problem::TooLarge { bytes } => msg::Photo::TooLarge {
            file,
            mb: (*bytes as f64 / 1048576.0).round() as u64,
            limit_mb: process::MAX_BYTES / 1048576,
        },
    }
}

/// One error per place that uses the photo, or one at the photo when none does.
fn report(rel: &Path, p: &Problem, uses: &[Use]) -> Diagnostics {
    let shown = Path::new("content").join(rel);
    let kind = problem(&shown, p);
    let src = rel.to_string_lossy().replace('\\', "/");
    let mut errors = Diagnostics::default();
    for u in uses.iter().filter(|u| u.src == src) {
        let e = Diagnostic::new(&u.file, msg::Photo::UsedHere(Box::new(kind.clone())));
        errors.push(match u.line {
            Some(l) => e.at_line(l),
            None => e,
        });
    }
    if errors.is_empty() {
        errors.push(Diagnostic::new(shown, kind));
    }
    errors
}

/// Photos under content/media that no page uses, for `check`.
pub fn unused(catalog: &Catalog, uses: &[Use]) -> Vec<Diagnostic> {
    catalog
        .photos
        .keys()
        .chain(&catalog.pending)
        .filter(|src| !uses.iter().any(|u| &u.src == *src))
        .map(|src| {
            let shown = Path::new("content").join(src);
            Diagnostic::new(
                &shown,
                msg::Photo::Unused {
                    file: shown.display().to_string(),
                },
            )
            .warning()
        })
        .collect()
}
