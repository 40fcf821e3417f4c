//! Which folder a build may replace: the one place that decides it.
//!
//! A build swaps its output folder whole, so a mistyped `--output` (`content`,
//! `..`, `~`) would delete an editor's work. The output may only be a folder
//! that does not exist yet, an empty folder, or one that holds [`MARKER`],
//! which every build writes; and never the site folder, a folder holding it,
//! or a folder inside content/ or themes/. Everything is checked before
//! anything is written.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::msg::output::Output;
use crate::diagnostic::msg::output::TooClose;
use crate::diagnostic::Diagnostic;

/// The file every build leaves at the top of its output: "trangtin wrote this".
pub const MARKER: &str = ".trangtin-output";

/// The marker's text; the same every build, so two builds stay byte-identical.
pub const MARKER_TEXT: &str = "This folder was written by trangtin. Each build replaces it whole:\nkeep no files of your own here.\n";

/// Checks that a build of the site at `root` may replace `output`; returns the
/// folder to write, with links resolved (so the swap happens where the
/// checks looked).
pub fn check(root: &Path, output: &Path) -> Result<PathBuf, Diagnostic> {
    let site = root.canonicalize().map_err(|e| Diagnostic::io(root, &e))?;
    let cwd = std::env::current_dir().map_err(|e| Diagnostic::io(output, &e))?;
    let out = resolve(&cwd.join(output));
    let refuse = |kind: Output| Err(Diagnostic::in_flag("--output", kind));
    let folder = output.display().to_string();
    if let Some(place) = too_close(&site, &out, &["content", "themes"]) {
        return refuse(Output::TooClose { folder, place });
    }
    if cwd.canonicalize().is_ok_and(|c| c == out) {
        return refuse(Output::WorkingFolder { folder });
    }
    match fs::symlink_metadata(&out) {
        Err(_) => Ok(out),
        Ok(m) if !m.is_dir() => refuse(Output::IsFile { folder }),
        Ok(m) => {
            if !is_ours_or_empty(&out) {
                let marker = MARKER.to_string();
                return refuse(Output::NotOurs { folder, marker });
            }
            if other_disk(&out, &m) {
                let inside = output.join("site").display().to_string();
                return refuse(Output::MountPoint { folder, inside });
            }
            Ok(out)
        }
    }
}

/// Where `out` lies that no command may replace: the site folder, a folder
/// holding it, or one of `inner` (site folders such as content/) or inside it.
fn too_close(site: &Path, out: &Path, inner: &[&str]) -> Option<TooClose> {
    if out == site {
        return Some(TooClose::SiteItself);
    }
    if site.starts_with(out) {
        return Some(TooClose::HoldsSite);
    }
    for dir in inner {
        // content/ may itself be a link to a folder elsewhere in the site.
        let real = site.join(dir).canonicalize().unwrap_or(site.join(dir));
        if out == real {
            return Some(TooClose::IsSiteDir(dir.to_string()));
        }
        if out.starts_with(&real) {
            return Some(TooClose::InsideSiteDir(dir.to_string()));
        }
    }
    None
}

/// `publish` to a folder on this computer puts a link to the new release in
/// place of `target` and keeps what stood there as release 0: never the site
/// folder, a folder holding it, or its content/, themes/ or output/.
pub fn check_publish_target(root: &Path, target: &Path) -> Result<(), Diagnostic> {
    let site = root.canonicalize().map_err(|e| Diagnostic::io(root, &e))?;
    let cwd = std::env::current_dir().map_err(|e| Diagnostic::io(target, &e))?;
    let at = resolve(&cwd.join(target));
    match too_close(&site, &at, &["content", "themes", "output"]) {
        Some(place) => Err(Diagnostic::in_target(
            target.display().to_string(),
            Output::PublishTooClose { place },
        )),
        None => Ok(()),
    }
}

/// True for an empty folder or one with the marker of an earlier build.
pub fn is_ours_or_empty(dir: &Path) -> bool {
    dir.join(MARKER).is_file() || fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

/// A mount point: the swap would have to cross file systems.
fn other_disk(dir: &Path, meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    dir.parent()
        .and_then(|p| fs::metadata(p).ok())
        .is_some_and(|p| p.dev() != meta.dev())
}

/// `abs` with `.` and `..` taken out and the part that exists resolved through
/// its links: `/home/a/site/..` → `/home/a`, `out-link` → where it points.
fn resolve(abs: &Path) -> PathBuf {
    let mut plain = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                plain.pop();
            }
            Component::CurDir => {}
            other => plain.push(other),
        }
    }
    let mut existing = plain.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |p, n| p.join(n));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return plain,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content/media")).unwrap();
        fs::create_dir_all(root.join("themes/x")).unwrap();
        (dir, root)
    }

    #[test]
    fn refuses_the_site_its_parents_and_its_sources() {
        let (dir, root) = site();
        for bad in [
            root.clone(),
            dir.path().to_path_buf(),
            root.join("content"),
            root.join("content/media/new"),
            root.join("themes"),
            root.join("content/../content"),
            PathBuf::from("/"),
        ] {
            assert!(check(&root, &bad).is_err(), "{}", bad.display());
        }
    }

    #[test]
    fn allows_new_empty_and_marked_folders_only() {
        let (dir, root) = site();
        assert!(check(&root, &root.join("output")).is_ok());
        let other = dir.path().join("other");
        fs::create_dir(&other).unwrap();
        assert!(check(&root, &other).is_ok(), "empty");
        fs::write(other.join("notes.txt"), "mine").unwrap();
        let e = check(&root, &other).unwrap_err();
        assert!(e.to_string().contains("did not write"), "{e}");
        fs::write(other.join(MARKER), MARKER_TEXT).unwrap();
        assert!(check(&root, &other).is_ok(), "marked");
    }

    #[test]
    fn a_link_is_checked_where_it_points() {
        let (dir, root) = site();
        let link = dir.path().join("out-link");
        std::os::unix::fs::symlink(root.join("content"), &link).unwrap();
        assert!(check(&root, &link).is_err());
    }
}
