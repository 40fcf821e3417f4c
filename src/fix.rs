//! `trangtin check --fix`: the mechanical fixes of what `check` warns about,
//! written back into the editor's files. Today one: a plain value holding
//! `: ` (`note: Nguồn: Văn phòng`), which trangtin reads as if quoted, is put
//! in double quotes.
//!
//! Only the characters of the value change: line ends (CRLF), a byte-order
//! mark and everything else stay byte for byte. A file is written whole to a
//! temporary file beside it and renamed over it, and only if it still holds
//! what was read.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::msg::Yaml;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::text::Lang;
use crate::yaml;

/// One file fixed: its path (relative to the site folder) and how many values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub path: PathBuf,
    pub values: usize,
}

impl Fixed {
    /// `fixed content/articles/a.md: quoted 2 values`, in `lang`.
    pub fn line(&self, lang: Lang) -> String {
        let p = self.path.display();
        let n = self.values;
        match lang {
            Lang::Vi => format!("đã sửa {p}: {n} giá trị được đặt trong ngoặc kép"),
            Lang::En if n == 1 => format!("fixed {p}: quoted 1 value"),
            Lang::En => format!("fixed {p}: quoted {n} values"),
        }
    }
}

/// `check --fix`: fixes the site's files, printing a line per file fixed
/// and what could not be written; false if anything could not.
pub fn run(root: &Path, out: &crate::diagnostic::show::Printer) -> bool {
    let (fixed, errors) = fix_site(root);
    for f in &fixed {
        println!("{}", f.line(out.lang));
    }
    out.print(&errors);
    errors.is_empty()
}

/// Fixes every Markdown and YAML file under `root`/content; the files fixed,
/// or the problems writing them (the other files are still fixed).
pub fn fix_site(root: &Path) -> (Vec<Fixed>, Diagnostics) {
    let mut fixed = Vec::new();
    let mut errors = Diagnostics::default();
    let walker = WalkDir::new(root.join("content")).sort_by_file_name();
    for entry in walker.into_iter().filter_map(Result::ok) {
        let ext = entry.path().extension().and_then(|e| e.to_str());
        if !entry.file_type().is_file() || !matches!(ext, Some("md" | "yaml" | "yml")) {
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        match fix_file(root, rel) {
            Ok(Some(f)) => fixed.push(f),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    (fixed, errors)
}

/// Fixes one file (`rel` from `root`); None when it needs nothing.
pub fn fix_file(root: &Path, rel: &Path) -> Result<Option<Fixed>, Diagnostic> {
    let path = root.join(rel);
    let bytes = std::fs::read(&path).map_err(|e| Diagnostic::io(rel, &e))?;
    let Some((new, values)) = fixed_text(&bytes, rel) else {
        return Ok(None);
    };
    write_if_unchanged(&path, rel, &bytes, new.as_bytes())?;
    Ok(Some(Fixed {
        path: rel.to_path_buf(),
        values,
    }))
}

/// The file's text with each value quoted, and how many; None when nothing
/// is to be done (or the file is not UTF-8, or ends lines with a lone CR).
fn fixed_text(bytes: &[u8], rel: &Path) -> Option<(String, usize)> {
    let raw = std::str::from_utf8(bytes).ok()?;
    if raw.replace("\r\n", "").contains('\r') {
        return None;
    }
    let (bom, body) = match raw.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", raw),
    };
    let lines = lines_to_quote(body, rel);
    let mut out = body.to_string();
    let mut count = 0;
    for line in lines {
        if let Some((text, _)) = yaml::quote_value(&out, line) {
            out = text;
            count += 1;
        }
    }
    (count > 0).then(|| (format!("{bom}{out}"), count))
}

/// The file lines whose values are read as if quoted: in a Markdown file's
/// front matter, or anywhere in a YAML file.
fn lines_to_quote(body: &str, rel: &Path) -> Vec<usize> {
    let text = crate::text::normalize(body);
    if rel.extension().is_some_and(|e| e == "md") {
        let Ok(split) = crate::input::frontmatter::split(&text, rel) else {
            return Vec::new();
        };
        let first = split.yaml_line;
        yaml::repairs(split.yaml)
            .into_iter()
            .map(|l| l + first - 1)
            .collect()
    } else {
        yaml::repairs(&text)
    }
}

/// Writes `new` over `path` through a temporary file in the same folder,
/// unless the file no longer holds `read` (an editor saved it meanwhile).
fn write_if_unchanged(path: &Path, rel: &Path, read: &[u8], new: &[u8]) -> Result<(), Diagnostic> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.trangtin-fix"));
    std::fs::write(&temp, new).map_err(|e| Diagnostic::io(rel, &e))?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&temp, meta.permissions());
    }
    let now = std::fs::read(path).map_err(|e| Diagnostic::io(rel, &e))?;
    if now != read {
        let _ = std::fs::remove_file(&temp);
        return Err(Diagnostic::new(rel, Yaml::ChangedWhileFixing));
    }
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Diagnostic::io(rel, &e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_the_value_and_keeps_crlf_and_bom() {
        let raw = "\u{feff}---\r\ntitle: A\r\nsummary: Nguồn: Văn phòng \"Tỉnh ủy\" # x\r\ndate: 2023-03-10\r\n---\r\nBody: text\r\n";
        let (out, n) = fixed_text(raw.as_bytes(), Path::new("a.md")).unwrap();
        assert_eq!(n, 1);
        assert_eq!(
            out,
            "\u{feff}---\r\ntitle: A\r\nsummary: \"Nguồn: Văn phòng \\\"Tỉnh ủy\\\"\" # x\r\ndate: 2023-03-10\r\n---\r\nBody: text\r\n"
        );
        assert!(fixed_text(out.as_bytes(), Path::new("a.md")).is_none());
    }

    #[test]
    fn yaml_files_are_fixed_throughout() {
        let raw = "rows:\n  - note: a: b\\c\n  - note: ok\n";
        let (out, n) = fixed_text(raw.as_bytes(), Path::new("d.yaml")).unwrap();
        assert_eq!(
            (out.as_str(), n),
            ("rows:\n  - note: \"a: b\\\\c\"\n  - note: ok\n", 1)
        );
    }

    #[test]
    fn a_file_changed_meanwhile_is_left_alone() {
        let dir = std::env::temp_dir().join(format!("trangtin-fix-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.yaml");
        std::fs::write(&path, "note: x\n").unwrap();
        let err = write_if_unchanged(&path, Path::new("a.yaml"), b"note: y\n", b"new").unwrap_err();
        assert_eq!(err.kind, Yaml::ChangedWhileFixing.into());
        assert_eq!(std::fs::read(&path).unwrap(), b"note: x\n");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary file left"
        );
        write_if_unchanged(&path, Path::new("a.yaml"), b"note: x\n", b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_summary_line_is_said_in_both_languages() {
        let f = Fixed {
            path: "content/articles/a.md".into(),
            values: 2,
        };
        assert_eq!(
            f.line(Lang::En),
            "fixed content/articles/a.md: quoted 2 values"
        );
        assert_eq!(
            f.line(Lang::Vi),
            "đã sửa content/articles/a.md: 2 giá trị được đặt trong ngoặc kép"
        );
    }
}
