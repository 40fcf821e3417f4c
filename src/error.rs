//! One error type for everything an editor can get wrong, always tied to a file.
//!
//! The message a user reads is `path:line:col: what is wrong`, and a build reports
//! every such error it finds, not only the first, so most functions that check
//! content push into an [`Errors`] list instead of returning early.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem in the site's content or theme, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file, relative to the site root where possible, so messages stay short.
    pub path: PathBuf,
    /// 1-based line in that file, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    pub message: String,
}

impl Error {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// An error reading or writing a file, in words an editor understands.
    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        use std::io::ErrorKind::*;
        let what = match err.kind() {
            NotFound => "the file does not exist (or was removed during the build)".to_string(),
            PermissionDenied => "the file cannot be read: permission denied".to_string(),
            InvalidData => "the file is not valid UTF-8 text; save it as UTF-8".to_string(),
            _ => err.to_string(),
        };
        Error::new(path, what)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Error {}

/// Every error of one run, in a stable order so that two runs print the same.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Errors(pub Vec<Error>);

impl Errors {
    pub fn push(&mut self, e: Error) {
        self.0.push(e);
    }

    pub fn extend(&mut self, other: Errors) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Keeps the value if nothing went wrong, so callers can end a phase with `?`.
    pub fn into_result<T>(mut self, value: T) -> Result<T, Errors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            self.sort();
            Err(self)
        }
    }

    /// Paths inside the site folder shown from it (`content/media/a.png`), as
    /// every other message names files; writing names the files it copies in full.
    pub fn relative_to(mut self, root: &Path) -> Errors {
        for e in &mut self.0 {
            if let Ok(rel) = e.path.strip_prefix(root) {
                e.path = rel.to_path_buf();
            }
        }
        self
    }

    /// Sorted by file, then position, then text; duplicates dropped.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
        });
        self.0.dedup();
    }
}

impl From<Error> for Errors {
    fn from(e: Error) -> Self {
        Errors(vec![e])
    }
}

impl fmt::Display for Errors {
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
    errors: Errors,
}

impl<T> Default for Gather<T> {
    fn default() -> Self {
        Gather {
            ok: Vec::new(),
            errors: Errors::default(),
        }
    }
}

impl<T> Gather<T> {
    pub fn push(&mut self, r: Result<T, Error>) {
        match r {
            Ok(v) => self.ok.push(v),
            Err(e) => self.errors.push(e),
        }
    }

    /// The values if nothing failed, else every error.
    pub fn finish(self) -> Result<Vec<T>, Errors> {
        self.errors.into_result(self.ok)
    }
}

/// Collects the `Ok` values of an iterator of results and every error of the others.
pub fn partition<T>(items: impl IntoIterator<Item = Result<T, Errors>>) -> (Vec<T>, Errors) {
    let mut ok = Vec::new();
    let mut errors = Errors::default();
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
        let e = Error::new("content/site.yaml", "unknown field `foo`").at(3, 1);
        assert_eq!(e.to_string(), "content/site.yaml:3:1: unknown field `foo`");
        let e = Error::new("a.md", "no title");
        assert_eq!(e.to_string(), "a.md: no title");
    }

    #[test]
    fn errors_sort_by_file_then_line() {
        let mut all = Errors::default();
        all.push(Error::new("b.md", "x").at_line(1));
        all.push(Error::new("a.md", "y").at_line(9));
        all.push(Error::new("a.md", "z").at_line(2));
        all.sort();
        let text = all.to_string();
        assert_eq!(text, "a.md:2: z\na.md:9: y\nb.md:1: x\n");
    }
}
