//! The only module that touches the output folder.
//!
//! A build is written into a fresh folder beside the output (`.output.tmp-PID`)
//! and swapped in with one atomic rename only when every file was written, so a
//! failed or killed build leaves the previous site exactly as it was. A build
//! that reuses the last one (the build cache) writes there only the files that
//! changed, and moves them into the output in place once every page is made
//! ([`Staging::apply_in_place`]). Which folder may be replaced at all is
//! decided in [`crate::output_rules`], before anything is written. Files get
//! the usual modes (0644 / 0755 under the umask), never those of the file
//! they were copied from.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::msg::output::Output;
use crate::diagnostic::Diagnostic;
use crate::output::{Content, OutputFile, Sink};
use crate::output_rules::{self, MARKER, MARKER_TEXT};

/// Writes `files`, built from the site at `root`, as the new content of `output`.
pub fn write(root: &Path, output: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let staging = Staging::new(root, output)?;
    write_all(&staging.tmp, files)?;
    staging.commit()
}

/// The folder a build writes into before it becomes the output: the build's
/// [`Sink`].
///
/// Each file is written as soon as it is [`put`](Sink::put), while the rest of
/// the site is still being rendered, so a large site never sits in memory
/// whole. Dropped without [`commit`](Staging::commit) (an error anywhere), it
/// is removed and the output stays as it was.
pub struct Staging {
    tmp: PathBuf,
    output: PathBuf,
    done: bool,
}

impl Staging {
    /// Refuses an output that may not be replaced (see [`output_rules`]).
    pub fn new(root: &Path, output: &Path) -> Result<Staging, Diagnostic> {
        let output = output_rules::check(root, output)?;
        let (parent, name) = split(&output)?;
        fs::create_dir_all(&parent).map_err(|e| Diagnostic::io(&parent, &e))?;
        clean_stale(&parent, &name);
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp).map_err(|e| Diagnostic::io(&tmp, &e))?;
        }
        fs::create_dir(&tmp).map_err(|e| Diagnostic::io(&tmp, &e))?;
        let marker = tmp.join(MARKER);
        fs::write(&marker, MARKER_TEXT).map_err(|e| Diagnostic::io(&marker, &e))?;
        Ok(Staging {
            tmp,
            output: output.to_path_buf(),
            done: false,
        })
    }

    /// Swaps the folder, with every file put, in for the output atomically.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        self.done = true;
        swap(&self.tmp, &self.output)
    }

    /// Moves the files put (`put`) into the output where it stands, instead
    /// of swapping the whole folder, and removes the output's files `gone`
    /// (paths relative to the output). For the build cache, whose build puts
    /// only the files that changed: carrying the thousands that did not into
    /// a new folder would cost more than the build. Each file replaces its
    /// old version by one rename, so a reader never sees half a file; a
    /// build stopped while it moves them leaves some pages new, some old,
    /// which is why the build cache forgets its record first (the next build
    /// is then a whole one).
    pub fn apply_in_place(self, put: &[String], gone: &[String]) -> Result<(), Diagnostic> {
        remove_files(&self.output, gone);
        make_dirs(&self.output, put.iter().map(String::as_str))?;
        put.par_iter().try_for_each(|rel| {
            let target = self.output.join(rel);
            fs::rename(self.tmp.join(rel), &target).map_err(|e| Diagnostic::io(&target, &e))
        })?;
        // The marker anew: the output is newer than its sources again
        // (`publish --no-build` checks it).
        let marker = self.output.join(MARKER);
        fs::rename(self.tmp.join(MARKER), &marker).map_err(|e| Diagnostic::io(&marker, &e))
        // Dropped: the staging folder, left with empty folders, is removed.
    }
}

impl Sink for Staging {
    /// Writes one file now; safe to call from many threads at once.
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        let target = self.tmp.join(&file.path);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(|e| Diagnostic::io(dir, &e))?;
        }
        write_one(&file.content, &target)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = remove_ours(&self.tmp);
        }
    }
}

/// Updates `output` in place: writes `changed`, each through a temporary file
/// and a rename so a reader never sees half a file, and removes `removed`
/// (paths relative to `output`). For `serve`, which rewrites a few files of a
/// large site at each edit; a build uses [`write`].
pub fn update(output: &Path, changed: &[OutputFile], removed: &[String]) -> Result<(), Diagnostic> {
    fs::create_dir_all(output).map_err(|e| Diagnostic::io(output, &e))?;
    changed.par_iter().try_for_each(|f| {
        let target = output.join(&f.path);
        let dir = target.parent().unwrap_or(output);
        fs::create_dir_all(dir).map_err(|e| Diagnostic::io(dir, &e))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let _ = fs::remove_file(&tmp);
        match &f.content {
            Content::Bytes(b) => fs::write(&tmp, b).map_err(|e| Diagnostic::io(&target, &e))?,
            other => write_one(other, &tmp)?,
        }
        fs::rename(&tmp, &target).map_err(|e| Diagnostic::io(&target, &e))
    })?;
    remove_files(output, removed);
    Ok(())
}

/// Removes the files at `rels` under `output`, and the folders they leave
/// empty, up to the output folder.
fn remove_files(output: &Path, rels: &[String]) {
    for rel in rels {
        let target = output.join(rel);
        let _ = fs::remove_file(&target);
        let mut dir = target.parent();
        while let Some(d) = dir.filter(|d| d.starts_with(output) && *d != output) {
            if fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
}

fn split(output: &Path) -> Result<(PathBuf, String), Diagnostic> {
    let abs = if output.is_absolute() {
        output.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| Diagnostic::io(output, &e))?
            .join(output)
    };
    let name = abs
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Diagnostic::new(output, Output::NeedsName))?;
    let parent = abs
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("/"));
    Ok((parent, name))
}

/// Copies the bytes only: a new file with the usual mode, not the source's
/// (`fs::copy` would carry an executable or world-writable bit into the site).
fn copy(from: &Path, to: &Path) -> Result<(), Diagnostic> {
    let mut src = File::open(from).map_err(|e| Diagnostic::io(from, &e))?;
    let mut dst = File::create(to).map_err(|e| Diagnostic::io(to, &e))?;
    io::copy(&mut src, &mut dst)
        .map(|_| ())
        .map_err(|e| Diagnostic::io(from, &e))
}

/// Removes a folder of ours with its marker last, so that a removal cut short
/// (a killed build) still leaves a folder the next build knows as its own.
fn remove_ours(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)?.flatten() {
        if entry.file_name() == MARKER {
            continue;
        }
        let path = entry.path();
        match entry.file_type()?.is_dir() {
            true => fs::remove_dir_all(&path)?,
            false => fs::remove_file(&path)?,
        }
    }
    let _ = fs::remove_file(dir.join(MARKER));
    fs::remove_dir(dir)
}

/// Folders left by a build that was killed: ours if the process is gone and
/// the folder is a real one that is empty or carries our marker.
fn clean_stale(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.tmp-"), format!(".{name}.old-")];
    for e in entries.flatten() {
        let fname = e.file_name().to_string_lossy().into_owned();
        for p in &prefixes {
            if let Some(pid) = fname.strip_prefix(p.as_str()) {
                let alive = pid.parse::<u32>().is_ok_and(|pid| {
                    pid != std::process::id() && Path::new(&format!("/proc/{pid}")).exists()
                });
                let folder = e.file_type().is_ok_and(|t| t.is_dir());
                if !alive && folder && output_rules::is_ours_or_empty(&e.path()) {
                    let _ = remove_ours(&e.path());
                }
            }
        }
    }
}

fn write_all(dir: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    make_dirs(dir, files.iter().map(|f| f.path.as_str()))?;
    files
        .par_iter()
        .try_for_each(|f| write_one(&f.content, &dir.join(&f.path)))
}

/// The folders of `paths` under `dir`, once each, so parallel writes after
/// only create files.
fn make_dirs<'a>(dir: &Path, paths: impl Iterator<Item = &'a str>) -> Result<(), Diagnostic> {
    let mut dirs: Vec<&str> = paths
        .filter_map(|p| p.rsplit_once('/').map(|(d, _)| d))
        .collect();
    dirs.sort_unstable();
    dirs.dedup();
    for d in dirs {
        let p = dir.join(d);
        fs::create_dir_all(&p).map_err(|e| Diagnostic::io(&p, &e))?;
    }
    Ok(())
}

/// Writes a new file at `target`, whose folder exists.
fn write_one(content: &Content, target: &Path) -> Result<(), Diagnostic> {
    match content {
        Content::Bytes(b) => fs::write(target, b).map_err(|e| Diagnostic::io(target, &e)),
        Content::Copy(from) => copy(from, target),
        Content::Link(from) => match fs::hard_link(from, target) {
            Ok(()) => Ok(()),
            // Another file system, or one without links.
            Err(_) => copy(from, target),
        },
    }
}

/// Puts `tmp` in place of `output` atomically; the old output is removed after.
fn swap(tmp: &Path, output: &Path) -> Result<(), Diagnostic> {
    if !output.exists() {
        return fs::rename(tmp, output).map_err(|e| Diagnostic::io(output, &e));
    }
    if !output.is_dir() {
        let _ = remove_ours(tmp);
        return Err(Diagnostic::new(output, Output::ExistsNotFolder));
    }
    match exchange(tmp, output) {
        Ok(()) => {
            // `tmp` now holds the previous site.
            let _ = remove_ours(tmp);
            Ok(())
        }
        Err(_) => {
            // No atomic exchange on this file system: two renames, the old site
            // kept until the new one is in place.
            let old = tmp.with_file_name(
                tmp.file_name()
                    .map(|n| n.to_string_lossy().replace(".tmp-", ".old-"))
                    .unwrap_or_default(),
            );
            fs::rename(output, &old).map_err(|e| swap_error(output, &e))?;
            if let Err(e) = fs::rename(tmp, output) {
                // Put the previous site back rather than leave no output.
                let _ = fs::rename(&old, output);
                return Err(swap_error(output, &e));
            }
            let _ = remove_ours(&old);
            Ok(())
        }
    }
}

/// A rename that failed: said plainly for the cases an editor can meet.
fn swap_error(output: &Path, e: &io::Error) -> Diagnostic {
    match e.kind() {
        io::ErrorKind::CrossesDevices | io::ErrorKind::ResourceBusy => {
            Diagnostic::new(output, Output::CannotSwap)
        }
        _ => Diagnostic::io(output, e),
    }
}

/// Swaps two paths in one atomic step (Linux `renameat2` with
/// `RENAME_EXCHANGE`); also used by `publish` for a folder target.
#[cfg(target_os = "linux")]
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
pub fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "this system cannot swap two paths atomically",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_output_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write(
            dir.path(),
            &out,
            &[OutputFile::bytes("a/index.html", b"one".to_vec())],
        )
        .unwrap();
        write(
            dir.path(),
            &out,
            &[OutputFile::bytes("b.txt", b"two".to_vec())],
        )
        .unwrap();
        assert!(!out.join("a/index.html").exists());
        assert_eq!(fs::read(out.join("b.txt")).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("output")]);
    }

    #[test]
    fn failed_write_keeps_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write(
            dir.path(),
            &out,
            &[OutputFile::bytes("keep.txt", b"old".to_vec())],
        )
        .unwrap();
        let missing = OutputFile {
            path: "x.bin".into(),
            content: Content::Copy(dir.path().join("nope")),
        };
        assert!(write(dir.path(), &out, &[missing]).is_err());
        assert_eq!(fs::read(out.join("keep.txt")).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn apply_in_place_moves_what_was_put_and_removes_what_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let old = [
            OutputFile::bytes("keep.html", b"same".to_vec()),
            OutputFile::bytes("a/index.html", b"one".to_vec()),
            // A file whose name the new site uses as a folder.
            OutputFile::bytes("d", b"file".to_vec()),
            OutputFile::bytes("e/f/index.html", b"gone".to_vec()),
        ];
        write(dir.path(), &out, &old).unwrap();
        let inode =
            |p: &str| std::os::unix::fs::MetadataExt::ino(&fs::metadata(out.join(p)).unwrap());
        let kept = inode("keep.html");
        let staging = Staging::new(dir.path(), &out).unwrap();
        staging
            .put(OutputFile::bytes("a/index.html", b"new".to_vec()))
            .unwrap();
        staging
            .put(OutputFile::bytes("d/index.html", b"folder".to_vec()))
            .unwrap();
        let put = ["a/index.html".to_string(), "d/index.html".to_string()];
        let gone = ["d".to_string(), "e/f/index.html".to_string()];
        staging.apply_in_place(&put, &gone).unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"new");
        assert_eq!(fs::read(out.join("d/index.html")).unwrap(), b"folder");
        assert_eq!(inode("keep.html"), kept, "a file not put is not touched");
        assert!(!out.join("e").exists(), "folders left empty are removed");
        assert!(out.join(MARKER).exists());
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("output")],
            "no staging left"
        );
    }

    #[test]
    fn a_linked_file_shares_the_cache_file_and_a_copy_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let made = dir.path().join("made.webp");
        fs::write(&made, b"webp").unwrap();
        let out = dir.path().join("output");
        let files = [
            OutputFile {
                path: "l.webp".into(),
                content: Content::Link(made.clone()),
            },
            OutputFile {
                path: "c.webp".into(),
                content: Content::Copy(made.clone()),
            },
        ];
        write(dir.path(), &out, &files).unwrap();
        let inode = |p: &Path| std::os::unix::fs::MetadataExt::ino(&fs::metadata(p).unwrap());
        assert_eq!(inode(&out.join("l.webp")), inode(&made));
        assert_ne!(inode(&out.join("c.webp")), inode(&made));
        assert_eq!(fs::read(out.join("c.webp")).unwrap(), b"webp");
    }

    #[test]
    fn update_writes_changed_and_removes_old_files_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write(
            dir.path(),
            &out,
            &[
                OutputFile::bytes("a/index.html", b"one".to_vec()),
                OutputFile::bytes("b/c/index.html", b"two".to_vec()),
            ],
        )
        .unwrap();
        update(
            &out,
            &[OutputFile::bytes("a/index.html", b"new".to_vec())],
            &["b/c/index.html".to_string()],
        )
        .unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"new");
        assert!(!out.join("b").exists(), "empty folders are removed");
        let names: Vec<_> = fs::read_dir(out.join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("index.html")],
            "no temporary file is left"
        );
    }

    #[test]
    fn files_put_show_only_after_commit() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write(
            dir.path(),
            &out,
            &[OutputFile::bytes("old.txt", b"old".to_vec())],
        )
        .unwrap();
        let put = |s: &Staging| s.put(OutputFile::bytes("a/b.html", b"new".to_vec()));
        let staging = Staging::new(dir.path(), &out).unwrap();
        put(&staging).unwrap();
        drop(staging);
        assert!(!out.join("a").exists(), "a dropped staging changes nothing");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "nor leaves a folder"
        );
        let staging = Staging::new(dir.path(), &out).unwrap();
        put(&staging).unwrap();
        assert!(!out.join("a").exists());
        staging.commit().unwrap();
        assert_eq!(fs::read(out.join("a/b.html")).unwrap(), b"new");
        assert!(!out.join("old.txt").exists());
    }

    #[test]
    fn stale_temp_folders_of_dead_builds_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".output.tmp-999999999");
        fs::create_dir(&stale).unwrap();
        write(dir.path(), &dir.path().join("output"), &[]).unwrap();
        assert!(!stale.exists());
    }
}
