//! The releases of a local target: `<target>.releases/000007-20261123T132400Z/`
//! beside the target, and the target itself a symlink to one of them. Switching
//! is one rename of a new symlink over the old one, which the kernel does
//! atomically: a visitor always gets one complete release, old or new.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::msg::publish::Publish;
use crate::diagnostic::Diagnostic;

/// Where a local target's parts live.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The path the web server serves (absolute).
    pub target: PathBuf,
    pub parent: PathBuf,
    pub name: String,
    pub releases: PathBuf,
}

impl Layout {
    pub fn new(target: &Path) -> Result<Layout, Diagnostic> {
        let abs = if target.is_absolute() {
            target.to_path_buf()
        } else {
            std::env::current_dir()
                .map_err(|e| Diagnostic::io(target, &e))?
                .join(target)
        };
        let abs = normalize(&abs);
        let name = abs.file_name().and_then(|n| n.to_str()).map(str::to_string);
        let name = name.ok_or_else(|| Diagnostic::new(target, Publish::NeedsPlainName))?;
        let parent = abs
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("/"));
        let releases = parent.join(format!("{name}.releases"));
        Ok(Layout {
            target: abs,
            parent,
            name,
            releases,
        })
    }

    pub fn path_of(&self, release: &str) -> PathBuf {
        self.releases.join(release)
    }
}

/// `/a/b/../c/.` → `/a/c`, without touching the disk (the target may not exist).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// What the target is now.
pub enum Current {
    Nothing,
    /// A symlink to this release folder (by name, under the releases folder).
    Release(String),
    /// A symlink somewhere else, or a real folder: its files are carried over.
    Folder(PathBuf),
}

pub fn current(layout: &Layout) -> Result<Current, Diagnostic> {
    let meta = match fs::symlink_metadata(&layout.target) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Current::Nothing),
        Err(e) => return Err(Diagnostic::io(&layout.target, &e)),
    };
    if meta.is_dir() {
        return Ok(Current::Folder(layout.target.clone()));
    }
    if !meta.is_symlink() {
        return Err(Diagnostic::new(&layout.target, Publish::TargetIsFile));
    }
    let link = fs::read_link(&layout.target).map_err(|e| Diagnostic::io(&layout.target, &e))?;
    let resolved = normalize(&layout.parent.join(&link));
    match resolved
        .strip_prefix(&layout.releases)
        .ok()
        .and_then(|r| r.to_str())
    {
        Some(name) if number(name).is_some() && !name.contains('/') => {
            Ok(Current::Release(name.to_string()))
        }
        _ if resolved.is_dir() => Ok(Current::Folder(resolved)),
        _ => Err(Diagnostic::new(
            &layout.target,
            Publish::LinkNotFolder {
                points_at: resolved.display().to_string(),
            },
        )),
    }
}

/// The leading number of a release folder's name.
pub fn number(name: &str) -> Option<u64> {
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty() && name[digits.len()..].starts_with('-'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Complete releases, oldest first.
pub fn list(layout: &Layout) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(&layout.releases)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| number(n).is_some())
        .collect();
    names.sort_by_key(|n| number(n));
    names
}

/// A name for the next release: a counter, then the time (UTC) for people.
pub fn next_name(layout: &Layout) -> String {
    let next = list(layout)
        .iter()
        .filter_map(|n| number(n))
        .max()
        .unwrap_or(0)
        + 1;
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
    format!("{next:06}-{stamp}")
}

/// Points the target at `release`. A real folder standing at the target is
/// swapped out atomically and kept as release 0.
pub fn switch(layout: &Layout, release: &str) -> Result<(), Diagnostic> {
    let tmp = layout
        .parent
        .join(format!(".{}.switch-{}", layout.name, std::process::id()));
    let _ = fs::remove_file(&tmp);
    let rel = PathBuf::from(format!("{}.releases", layout.name)).join(release);
    std::os::unix::fs::symlink(&rel, &tmp).map_err(|e| link_error(&tmp, &e))?;
    let is_folder = fs::symlink_metadata(&layout.target).is_ok_and(|m| m.is_dir());
    let result = if is_folder {
        adopt(layout, &tmp)
    } else {
        fs::rename(&tmp, &layout.target).map_err(|e| switch_error(layout, &e))
    };
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// The first publish over a folder made by hand or another tool.
fn adopt(layout: &Layout, tmp: &Path) -> Result<(), Diagnostic> {
    crate::write::exchange(tmp, &layout.target).map_err(|e| switch_error(layout, &e))?;
    // `tmp` is now the old folder.
    let keep = layout.path_of(BEFORE);
    fs::rename(tmp, &keep).map_err(|e| Diagnostic::io(&keep, &e))
}

fn link_error(path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::new(path, Publish::NoLinks { why: e.to_string() })
}

fn switch_error(layout: &Layout, e: &io::Error) -> Diagnostic {
    let kind = match e.raw_os_error() {
        Some(16) | Some(18) => Publish::SwitchMountPoint,
        _ => Publish::CannotSwitch { why: e.to_string() },
    };
    Diagnostic::new(&layout.target, kind)
}

/// The folder that stood at the target before the first publish: not
/// trangtin's to delete, so never pruned.
pub const BEFORE: &str = "000000-before-trangtin";

/// Removes all but the newest `keep` releases; never the one in use, nor
/// the folder that was there before trangtin.
pub fn prune(layout: &Layout, keep: usize, in_use: &str) -> Vec<String> {
    let all = list(layout);
    let old = all.len().saturating_sub(keep);
    let mut removed = Vec::new();
    for name in all
        .into_iter()
        .take(old)
        .filter(|n| n != in_use && n != BEFORE)
    {
        if fs::remove_dir_all(layout.path_of(&name)).is_ok() {
            removed.push(name);
        }
    }
    removed
}

/// The folder of a release being written; renamed to its real name when complete.
pub fn staging_name(release: &str) -> String {
    format!(".incomplete-{}-{release}", std::process::id())
}

/// Leftovers of a publish that was killed (its process is gone).
pub fn clean_incomplete(layout: &Layout) {
    let Ok(entries) = fs::read_dir(&layout.releases) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(".incomplete-") else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let alive = pid
            .is_some_and(|p| p != std::process::id() && Path::new(&format!("/proc/{p}")).exists());
        if !alive {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// Held while a publish or rollback changes the target, so two cannot mix.
pub struct Lock(#[allow(dead_code)] File);

pub fn lock(layout: &Layout) -> Result<Lock, Diagnostic> {
    fs::create_dir_all(&layout.releases).map_err(|e| Diagnostic::io(&layout.releases, &e))?;
    let path = layout.releases.join(".lock");
    let file = File::create(&path).map_err(|e| Diagnostic::io(&path, &e))?;
    use rustix::fs::{flock, FlockOperation};
    flock(&file, FlockOperation::NonBlockingLockExclusive)
        .map_err(|_| Diagnostic::new(&layout.target, Publish::Busy))?;
    Ok(Lock(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_numbers() {
        assert_eq!(number("000012-20261123T132400Z"), Some(12));
        assert_eq!(number("000000-before-trangtin"), Some(0));
        assert_eq!(number(".incomplete-1-000001-x"), None);
        assert_eq!(number("12"), None);
    }

    #[test]
    fn prune_never_removes_the_folder_that_was_there_before() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(&dir.path().join("www")).unwrap();
        for name in [BEFORE, "000001-a", "000002-b"] {
            fs::create_dir_all(layout.path_of(name)).unwrap();
        }
        assert_eq!(prune(&layout, 1, "000002-b"), vec!["000001-a".to_string()]);
        assert!(layout.path_of(BEFORE).is_dir());
    }

    #[test]
    fn layout_sits_beside_the_target() {
        let l = Layout::new(Path::new("/var/www/./x/../dang-bo/")).unwrap();
        assert_eq!(l.target, Path::new("/var/www/dang-bo"));
        assert_eq!(l.releases, Path::new("/var/www/dang-bo.releases"));
    }
}
