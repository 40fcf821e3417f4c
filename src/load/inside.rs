//! Nothing outside the site folder is read: every file trangtin opens is
//! checked here first.
//!
//! Two ways out exist: a path an editor writes (`image: ../../etc/passwd`) and
//! a symbolic link inside the site (`content/media/a.jpg -> /etc/shadow`). The
//! first is refused by [`editor_path`], the second by [`check`]: a link is
//! followed only when where it really points is inside the site folder, so a
//! commit to content/ can never publish a file of the build machine.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::msg::Paths;
use crate::diagnostic::{Diagnostic, Kind};

/// Fails when `rel` (relative to `root`) is, or passes through, a symbolic
/// link whose real target is outside the site folder. One `lstat` per part of
/// `rel`; the site folder's real path is looked up only when a link is met.
/// A path that does not exist passes: reading it reports that.
pub fn check(root: &Path, rel: &Path) -> Result<(), Diagnostic> {
    let mut at = root.to_path_buf();
    let mut shown = PathBuf::new();
    for part in rel.components() {
        at.push(part);
        shown.push(part);
        let Ok(meta) = fs::symlink_metadata(&at) else {
            return Ok(());
        };
        if !meta.file_type().is_symlink() {
            continue;
        }
        let Ok(real) = at.canonicalize() else {
            // A link to nothing: reading it reports the missing file.
            return Ok(());
        };
        let site = root
            .canonicalize()
            .map_err(|e| Diagnostic::io(Path::new("."), &e))?;
        if !real.starts_with(&site) {
            let to = fs::read_link(&at).unwrap_or(real);
            return Err(Diagnostic::new(shown, link_outside(&to)));
        }
    }
    Ok(())
}

/// The path an editor wrote in a field (`image: media/a.jpg`, `file:
/// documents/b.pdf`), checked: relative to content/ (a leading `/` means
/// content/ too, as in a web address), never climbing out with `..`. Returns
/// the path relative to the site folder (`content/media/a.jpg`), or the
/// message to show.
pub fn editor_path(root: &Path, text: &str) -> Result<PathBuf, Kind> {
    let local = text.trim_start_matches('/');
    if Path::new(local)
        .components()
        .any(|c| matches!(c, Component::ParentDir))
    {
        return Err(climbs_out(text));
    }
    let rel = Path::new("content").join(local);
    check(root, &rel).map_err(|e| e.kind)?;
    Ok(rel)
}

fn link_outside(to: &Path) -> Paths {
    Paths::LinkOutside {
        to: to.display().to_string(),
    }
}

fn climbs_out(text: &str) -> Kind {
    Paths::ClimbsOut {
        text: text.to_string(),
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_inside_pass_and_links_outside_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content/media")).unwrap();
        fs::write(root.join("content/media/a.jpg"), "a").unwrap();
        fs::write(dir.path().join("secret"), "s").unwrap();
        symlink("a.jpg", root.join("content/media/b.jpg")).unwrap();
        symlink(dir.path().join("secret"), root.join("content/media/c.jpg")).unwrap();
        symlink(dir.path(), root.join("content/up")).unwrap();
        assert!(check(&root, Path::new("content/media/b.jpg")).is_ok());
        assert!(check(&root, Path::new("content/media/none.jpg")).is_ok());
        let e = check(&root, Path::new("content/media/c.jpg")).unwrap_err();
        assert_eq!(e.path(), Some(Path::new("content/media/c.jpg")));
        assert!(e
            .to_string()
            .contains(&dir.path().join("secret").display().to_string()));
        let e = check(&root, Path::new("content/up/secret")).unwrap_err();
        assert_eq!(e.path(), Some(Path::new("content/up")));
    }

    #[test]
    fn editor_paths_stay_in_content() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        assert_eq!(
            editor_path(root, "/media/a.jpg").unwrap(),
            Path::new("content/media/a.jpg")
        );
        assert_eq!(
            editor_path(root, "/etc/passwd").unwrap(),
            Path::new("content/etc/passwd")
        );
        assert!(editor_path(root, "media/../../x").is_err());
        assert!(editor_path(root, "../x").is_err());
    }
}
