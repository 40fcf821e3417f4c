//! Before anything goes up: build (or, with `--no-build`, make sure output/ is
//! current), and run every check of `trangtin check`. Publishing always builds
//! without drafts, so a draft can never reach the public site.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::build::{self, BuildOptions, Report};
use crate::diagnostic::msg::publish::Publish;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Builds and checks the site at `root`; returns the folder to publish.
pub fn prepare(
    root: &Path,
    no_build: bool,
    clock: Option<jiff::civil::DateTime>,
) -> Result<(PathBuf, Report), Diagnostics> {
    let opts = BuildOptions {
        root: root.to_path_buf(),
        output: root.join("output"),
        drafts: false,
        base_url: None,
        clock,
    };
    let report = if no_build {
        let report = build::check(&opts)?;
        current(root, &opts.output, report.files)?;
        report
    } else {
        build::check_and_build(&opts)?
    };
    Ok((opts.output, report))
}

/// `--no-build`: output/ must be newer than every source and hold exactly the
/// files a build without drafts writes (a build with `--drafts` holds more).
fn current(root: &Path, output: &Path, expected_files: usize) -> Result<(), Diagnostic> {
    let shown = Path::new("output");
    if !output.is_dir() {
        return Err(Diagnostic::new(shown, Publish::NoOutput));
    }
    let (oldest, count) = oldest_file(output)?;
    // Every build writes the marker anew as it starts; the files it carries
    // over unchanged from the build before (the build cache) keep their times.
    let marker = output.join(crate::output_rules::MARKER);
    let built = std::fs::metadata(marker)
        .and_then(|m| m.modified())
        .ok()
        .or(oldest);
    let sources = [root.join("content"), root.join("themes")];
    if let Some((newest, when)) = sources
        .iter()
        .filter_map(|d| newest_entry(d))
        .max_by_key(|(_, t)| *t)
    {
        if built.is_some_and(|b| when > b) {
            let rel = newest
                .strip_prefix(root)
                .unwrap_or(&newest)
                .display()
                .to_string();
            return Err(Diagnostic::new(shown, Publish::OutputOlder { source: rel }));
        }
    }
    if count != expected_files {
        return Err(Diagnostic::new(
            shown,
            Publish::OutputCount {
                count,
                expected: expected_files,
            },
        ));
    }
    Ok(())
}

/// The earliest time a file of the last build was written, and how many files.
fn oldest_file(dir: &Path) -> Result<(Option<SystemTime>, usize), Diagnostic> {
    let mut oldest: Option<SystemTime> = None;
    let mut count = 0;
    for item in walkdir::WalkDir::new(dir).min_depth(1) {
        let item = item.map_err(|e| crate::publish::walk_error(&e, dir))?;
        let name = item.file_name();
        if item.file_type().is_dir()
            || name == crate::publish::manifest::NAME
            || (item.depth() == 1 && name == crate::output_rules::MARKER)
        {
            continue;
        }
        count += 1;
        let t = item.metadata().ok().and_then(|m| m.modified().ok());
        oldest = match (oldest, t) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    Ok((oldest, count))
}

/// The most recently changed file or folder under `dir` (a folder changes when
/// a file in it is removed or renamed).
fn newest_entry(dir: &Path) -> Option<(PathBuf, SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| {
            e.metadata()
                .ok()
                .and_then(|m| m.modified().ok())
                .map(|t| (e.into_path(), t))
        })
        .max_by_key(|(_, t)| *t)
}
