//! Every problem trangtin reports, as data: what is wrong ([`Kind`], an enum per
//! area in [`msg`], each worded in Vietnamese and English), where ([`Place`]),
//! and how bad ([`Severity`]). [`show`] prints them the way rustc does, in one
//! line each, or as JSON.
//!
//! A build reports every problem it finds, not only the first, so functions that
//! check content push into a [`Diagnostics`] list instead of returning early.
//! This module is a leaf: it names no other part of trangtin but `text`.

pub mod msg;
pub mod show;

use std::fmt;
use std::path::{Path, PathBuf};

pub use msg::Kind;

use crate::text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// Where a problem was written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// A text file, relative to the site folder where possible; 1-based line and
    /// column (in characters) when known.
    File {
        path: PathBuf,
        line: Option<usize>,
        column: Option<usize>,
    },
    /// A spreadsheet's cell (`C7`) on a named sheet.
    Cell {
        path: PathBuf,
        sheet: String,
        cell: String,
    },
    /// A command-line option, such as `--output`.
    Flag(String),
    /// A publish target (`ssh://…`, a folder on the server).
    Target(String),
}

/// One problem: what, where, how bad.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: Kind,
    pub place: Place,
}

impl Diagnostic {
    /// An error in the file at `path`.
    pub fn new(path: impl Into<PathBuf>, kind: impl Into<Kind>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: kind.into(),
            place: Place::File {
                path: path.into(),
                line: None,
                column: None,
            },
        }
    }

    /// An error in a cell of a spreadsheet.
    pub fn in_cell(
        path: impl Into<PathBuf>,
        sheet: impl Into<String>,
        cell: impl Into<String>,
        kind: impl Into<Kind>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: kind.into(),
            place: Place::Cell {
                path: path.into(),
                sheet: sheet.into(),
                cell: cell.into(),
            },
        }
    }

    /// An error in a command-line option (`--output`).
    pub fn in_flag(flag: impl Into<String>, kind: impl Into<Kind>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: kind.into(),
            place: Place::Flag(flag.into()),
        }
    }

    /// An error about a publish target.
    pub fn in_target(target: impl Into<String>, kind: impl Into<Kind>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: kind.into(),
            place: Place::Target(target.into()),
        }
    }

    /// The same problem, reported as a warning: shown, but the build goes on.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        if let Place::File {
            line: l, column: c, ..
        } = &mut self.place
        {
            *l = Some(line);
            *c = Some(column);
        }
        self
    }

    pub fn at_line(mut self, line: usize) -> Self {
        if let Place::File { line: l, .. } = &mut self.place {
            *l = Some(line);
        }
        self
    }

    /// The file the problem is in, if it is in one.
    pub fn path(&self) -> Option<&Path> {
        match &self.place {
            Place::File { path, .. } | Place::Cell { path, .. } => Some(path),
            Place::Flag(_) | Place::Target(_) => None,
        }
    }

    pub fn line(&self) -> Option<usize> {
        match &self.place {
            Place::File { line, .. } => *line,
            _ => None,
        }
    }

    pub fn column(&self) -> Option<usize> {
        match &self.place {
            Place::File { column, .. } => *column,
            _ => None,
        }
    }

    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.kind.text(lang)
    }

    /// An error reading or writing a file, in words an editor understands.
    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        Diagnostic::new(path, msg::Io::from_io(err))
    }
}

/// `path:line:col: message` in English: logs, tests and `{}` in code. What an
/// editor reads goes through [`show`], in the site's language.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&show::short(self, Lang::En))
    }
}

impl std::error::Error for Diagnostic {}

/// Every problem of one run, in a stable order so that two runs print the same.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, e: Diagnostic) {
        self.0.push(e);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Keeps the value if nothing went wrong, so callers can end a phase with `?`.
    pub fn into_result<T>(mut self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            self.sort();
            Err(self)
        }
    }

    /// Paths inside the site folder shown from it (`content/media/a.png`), as
    /// every other message names files; writing names the files it copies in full.
    pub fn relative_to(mut self, root: &Path) -> Diagnostics {
        for e in &mut self.0 {
            if let Place::File { path, .. } | Place::Cell { path, .. } = &mut e.place {
                if let Ok(rel) = path.strip_prefix(root) {
                    *path = rel.to_path_buf();
                }
            }
        }
        self
    }

    /// Sorted by place (file, then position), then by the English text;
    /// duplicates dropped.
    pub fn sort(&mut self) {
        self.0
            .sort_by_cached_key(|d| (d.place.clone(), d.kind.text(Lang::En)));
        self.0.dedup();
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(e: Diagnostic) -> Self {
        Diagnostics(vec![e])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.0 {
            writeln!(f, "{e}")?;
        }
        Ok(())
    }
}

/// Results gathered one at a time: the values, and every error beside them.
pub struct Gather<T> {
    ok: Vec<T>,
    errors: Diagnostics,
}

impl<T> Default for Gather<T> {
    fn default() -> Self {
        Gather {
            ok: Vec::new(),
            errors: Diagnostics::default(),
        }
    }
}

impl<T> Gather<T> {
    pub fn push(&mut self, r: Result<T, Diagnostic>) {
        match r {
            Ok(v) => self.ok.push(v),
            Err(e) => self.errors.push(e),
        }
    }

    /// The values if nothing failed, else every error.
    pub fn finish(self) -> Result<Vec<T>, Diagnostics> {
        self.errors.into_result(self.ok)
    }
}

/// Collects the `Ok` values of an iterator of results and every error of the others.
pub fn partition<T>(
    items: impl IntoIterator<Item = Result<T, Diagnostics>>,
) -> (Vec<T>, Diagnostics) {
    let mut ok = Vec::new();
    let mut errors = Diagnostics::default();
    for item in items {
        match item {
            Ok(v) => ok.push(v),
            Err(e) => errors.extend(e),
        }
    }
    (ok, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_path_line_and_column() {
        let e = Diagnostic::new(
            "content/site.yaml",
            msg::Io::Other("unknown field `foo`".into()),
        )
        .at(3, 1);
        assert_eq!(e.to_string(), "content/site.yaml:3:1: unknown field `foo`");
        let e = Diagnostic::new("a.md", msg::Io::Other("no title".into()));
        assert_eq!(e.to_string(), "a.md: no title");
    }

    #[test]
    fn errors_sort_by_file_then_line() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::new("b.md", msg::Io::Other("x".into())).at_line(1));
        all.push(Diagnostic::new("a.md", msg::Io::Other("y".into())).at_line(9));
        all.push(Diagnostic::new("a.md", msg::Io::Other("z".into())).at_line(2));
        all.sort();
        let text = all.to_string();
        assert_eq!(text, "a.md:2: z\na.md:9: y\nb.md:1: x\n");
    }
}
