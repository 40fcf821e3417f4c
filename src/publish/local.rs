//! Publishing to a folder on this computer (or a mounted web root).
//!
//! Each publish writes a complete release folder: files that did not change are
//! hard links to the previous release (no copy, no extra space), new and changed
//! files are copied from output/, files put there by hand are carried over. Only
//! then is the target switched to it ([`releases::switch`]). A publish that fails
//! or is killed before the switch leaves the public site exactly as it was.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::msg::publish::Publish;
use crate::diagnostic::Diagnostic;
use crate::publish::manifest::{self, Manifest};
use crate::publish::plan::Plan;
use crate::publish::redirects::{self, Pages};
use crate::publish::releases::{self, Current, Layout};
use crate::publish::snippets;
use crate::render::redirects::Redirector;

pub struct Done {
    pub plan: Plan,
    /// Redirects new in this publish (old → new output path).
    pub redirects: Vec<(String, String)>,
    /// The release now served; `None` on a dry run.
    pub release: Option<String>,
    pub removed: Vec<String>,
}

/// How to publish to a folder: the flags of the command.
pub struct Flags {
    pub delete: bool,
    pub dry_run: bool,
    pub keep: usize,
}

pub fn publish(
    target: &Path,
    output: &Path,
    build: &Manifest,
    flags: &Flags,
    redirector: &Redirector,
) -> Result<Done, Diagnostic> {
    let Flags {
        delete,
        dry_run,
        keep,
    } = *flags;
    let layout = Layout::new(target)?;
    let _lock = if dry_run {
        None
    } else {
        Some(releases::lock(&layout)?)
    };
    let current = releases::current(&layout)?;
    let previous = match &current {
        Current::Nothing => None,
        Current::Release(name) => Some(layout.path_of(name)),
        Current::Folder(dir) => Some(dir.clone()),
    };
    let old_manifest = match &previous {
        Some(dir) => read_manifest(dir)?,
        None => Manifest::default(),
    };
    let (build, pages) = redirects::add(&old_manifest, build, redirector)?;
    let plan = Plan::new(&old_manifest, &build, delete, |p| {
        previous.as_ref().and_then(|d| size_at(&d.join(p)))
    });
    let news = pages.news.clone();
    if dry_run {
        return Ok(Done {
            plan,
            redirects: news,
            release: None,
            removed: Vec::new(),
        });
    }
    if let Current::Release(name) = current {
        if plan.added.is_empty()
            && plan.changed.is_empty()
            && plan.deleted.is_empty()
            && plan.manifest == old_manifest
        {
            // A release equal to the current one would only push an older
            // release, one `--rollback` may need, out of the kept ones.
            return Ok(Done {
                plan,
                redirects: news,
                release: Some(name),
                removed: Vec::new(),
            });
        }
    }
    releases::clean_incomplete(&layout);
    let name = releases::next_name(&layout);
    let staging = layout.releases.join(releases::staging_name(&name));
    let filled = fs::create_dir(&staging)
        .map_err(|e| Diagnostic::io(&staging, &e))
        .and_then(|()| fill(&staging, previous.as_deref(), (output, &pages), &plan));
    if let Err(e) = filled {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let release = layout.path_of(&name);
    fs::rename(&staging, &release).map_err(|e| Diagnostic::io(&release, &e))?;
    releases::switch(&layout, &name)?;
    let removed = releases::prune(&layout, keep, &name);
    Ok(Done {
        plan,
        redirects: news,
        release: Some(name),
        removed,
    })
}

/// Points the target back at the release before the one it shows now.
pub fn rollback(target: &Path) -> Result<(String, String), Diagnostic> {
    let layout = Layout::new(target)?;
    let _lock = releases::lock(&layout)?;
    let now = match releases::current(&layout)? {
        Current::Release(name) => name,
        _ => return Err(Diagnostic::new(target, Publish::NothingToRollBack)),
    };
    let now_number = releases::number(&now).unwrap_or(0);
    let before = releases::list(&layout)
        .into_iter()
        .rfind(|n| releases::number(n).is_some_and(|k| k < now_number));
    let before = before.ok_or_else(|| {
        Diagnostic::new(
            target,
            Publish::OldestRelease {
                release: now.clone(),
            },
        )
    })?;
    releases::switch(&layout, &before)?;
    Ok((now, before))
}

fn read_manifest(dir: &Path) -> Result<Manifest, Diagnostic> {
    let path = dir.join(manifest::NAME);
    match fs::read(&path) {
        Ok(bytes) => Manifest::parse(
            &String::from_utf8_lossy(&bytes),
            &path.display().to_string(),
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
        Err(e) => Err(Diagnostic::io(&path, &e)),
    }
}

fn size_at(path: &Path) -> Option<u64> {
    fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len())
}

/// What goes into the new release from the previous one, as paths relative
/// to the release (a name made by hand need not be UTF-8).
#[derive(Default)]
struct Carry {
    dirs: BTreeSet<PathBuf>,
    links: Vec<PathBuf>,
    symlinks: Vec<(PathBuf, PathBuf)>,
}

/// `from`: the build's folder, and the redirect pages made for this publish.
fn fill(
    staging: &Path,
    previous: Option<&Path>,
    from: (&Path, &Pages),
    plan: &Plan,
) -> Result<(), Diagnostic> {
    let (output, pages) = from;
    let mut carry = match previous {
        Some(dir) => carry_over(dir, plan)?,
        None => Carry::default(),
    };
    let sends: Vec<&str> = plan
        .added
        .iter()
        .chain(&plan.changed)
        .map(|c| c.path.as_str())
        .collect();
    let parents = sends
        .iter()
        .map(Path::new)
        .chain(carry.links.iter().map(PathBuf::as_path))
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect::<Vec<_>>();
    carry.dirs.extend(parents);
    for d in &carry.dirs {
        let p = staging.join(d);
        fs::create_dir_all(&p).map_err(|e| Diagnostic::io(&p, &e))?;
    }
    let prev = previous.unwrap_or(staging);
    carry
        .links
        .par_iter()
        .try_for_each(|rel| link_or_copy(&prev.join(rel), &staging.join(rel)))?;
    sends
        .par_iter()
        .try_for_each(|rel| copy(&pages.source(output, rel), &staging.join(rel)))?;
    for (rel, to) in &carry.symlinks {
        let at = staging.join(rel);
        std::os::unix::fs::symlink(to, &at).map_err(|e| Diagnostic::io(&at, &e))?;
    }
    for (name, text) in &pages.snippets {
        let at = staging.join(name);
        fs::write(&at, text).map_err(|e| Diagnostic::io(&at, &e))?;
    }
    let m = staging.join(manifest::NAME);
    fs::write(&m, plan.manifest.to_text()).map_err(|e| Diagnostic::io(&m, &e))
}

/// Every file of the previous release that stays: unchanged site files and
/// anything placed by hand. Replaced and deleted files are left behind.
fn carry_over(dir: &Path, plan: &Plan) -> Result<Carry, Diagnostic> {
    let mut carry = Carry::default();
    for item in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let item = item.map_err(|e| crate::publish::walk_error(&e, dir))?;
        let Ok(rel) = item.path().strip_prefix(dir) else {
            continue;
        };
        let name = rel.to_str();
        let ours = |p: &str| {
            p == manifest::NAME
                || [snippets::NGINX, snippets::APACHE].contains(&p)
                || p.split('/').any(|c| c == manifest::PARTIAL_DIR)
        };
        if name.is_some_and(ours) {
            continue;
        }
        // Replaced by the build, or removed with --delete.
        let replaced = name.is_some_and(|p| plan.sends(p) || plan.deletes(p));
        let kind = item.file_type();
        if kind.is_dir() {
            // Empty folders made by hand survive too.
            if fs::read_dir(item.path()).is_ok_and(|mut d| d.next().is_none()) {
                carry.dirs.insert(rel.to_path_buf());
            }
        } else if replaced {
            continue;
        } else if kind.is_symlink() {
            let to = fs::read_link(item.path()).map_err(|e| Diagnostic::io(item.path(), &e))?;
            carry.symlinks.push((rel.to_path_buf(), to));
        } else if kind.is_file() {
            carry.links.push(rel.to_path_buf());
        }
    }
    Ok(carry)
}

fn link_or_copy(from: &Path, to: &Path) -> Result<(), Diagnostic> {
    // Falls back to a copy where hard links are not allowed (some mounts).
    fs::hard_link(from, to)
        .or_else(|_| fs::copy(from, to).map(|_| ()))
        .map_err(|e| Diagnostic::io(from, &e))
}

fn copy(from: &Path, to: &Path) -> Result<(), Diagnostic> {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| Diagnostic::io(from, &e))
}
