//! How diagnostics are printed: `human` (rustc's layout: a header, the file's
//! line with a caret under the spot), `short` (one line each) or `json` (one
//! object a line, for editors' tools and CI).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use super::{Diagnostic, Diagnostics, Place, Severity};
use crate::text::Lang;

/// `--message-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// The source line with a caret under the spot.
    #[default]
    Human,
    /// One line each: `file:line:col: message`.
    Short,
    /// One JSON object a line, on standard output.
    Json,
}

/// Prints diagnostics in one language and format.
#[derive(Clone, Debug)]
pub struct Printer {
    pub lang: Lang,
    pub format: Format,
    /// The site folder, where the files named by diagnostics are read for
    /// their source lines.
    pub root: PathBuf,
    pub color: bool,
}

impl Printer {
    pub fn new(lang: Lang, format: Format, root: &Path) -> Printer {
        Printer {
            lang,
            format,
            root: root.to_path_buf(),
            color: color_wanted(),
        }
    }

    /// One diagnostic as it is printed, with its final newline.
    pub fn render(&self, d: &Diagnostic) -> String {
        match self.format {
            Format::Short => format!("{}\n", short(d, self.lang)),
            Format::Json => format!("{}\n", json(d, self.lang)),
            Format::Human => human(d, self.lang, &self.root, self.color),
        }
    }

    /// Every diagnostic: JSON to standard output, the rest to standard error.
    pub fn print(&self, all: &Diagnostics) {
        for d in all.iter() {
            self.print_one(d);
        }
    }

    pub fn print_one(&self, d: &Diagnostic) {
        let text = self.render(d);
        if self.format == Format::Json {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
    }

    /// The closing line of a failed run: how many errors, and that the output
    /// was left alone. Not printed as JSON.
    pub fn print_summary(&self, errors: usize, what_happened: &str) {
        if self.format != Format::Json {
            eprintln!("{}", summary(errors, what_happened, self.lang));
        }
    }
}

/// `3 errors found; nothing was written.` — `what_happened` is already in `lang`.
pub fn summary(errors: usize, what_happened: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Có {errors} lỗi; {what_happened}"),
        Lang::En => format!(
            "{errors} error{} found; {what_happened}",
            if errors == 1 { "" } else { "s" }
        ),
    }
}

/// Colour only on a terminal, and never with `NO_COLOR` set or `TERM=dumb`.
pub fn color_wanted() -> bool {
    std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("lỗi", "error"),
        Severity::Warning => lang.pick("cảnh báo", "warning"),
    }
}

/// Where, as one line: `a.md:3:5`, `data/x.xlsx: sheet "A", cell C7`, `--output`.
pub fn place(p: &Place, lang: Lang) -> String {
    match p {
        Place::File { path, line, column } => {
            let mut s = path.display().to_string();
            if let Some(l) = line {
                s.push_str(&format!(":{l}"));
                if let Some(c) = column {
                    s.push_str(&format!(":{c}"));
                }
            }
            s
        }
        Place::Cell { path, sheet, cell } => format!(
            "{}: {} \"{sheet}\", {} {cell}",
            path.display(),
            lang.pick("trang tính", "sheet"),
            lang.pick("ô", "cell")
        ),
        Place::Flag(flag) => flag.clone(),
        Place::Target(t) => t.clone(),
    }
}

/// `place: message`; warnings start with `warning: `.
pub fn short(d: &Diagnostic, lang: Lang) -> String {
    let head = match d.severity {
        Severity::Error => String::new(),
        Severity::Warning => format!("{}: ", severity_word(d.severity, lang)),
    };
    format!("{head}{}: {}", place(&d.place, lang), d.kind.text(lang))
}

/// One JSON object: file, line, column, sheet, cell, severity, kind, message.
pub fn json(d: &Diagnostic, lang: Lang) -> String {
    let mut o = serde_json::Map::new();
    let (file, line, column) = match &d.place {
        Place::File { path, line, column } => (Some(path), *line, *column),
        Place::Cell { path, sheet, cell } => {
            o.insert("sheet".into(), sheet.as_str().into());
            o.insert("cell".into(), cell.as_str().into());
            (Some(path), None, None)
        }
        Place::Flag(f) => {
            o.insert("flag".into(), f.as_str().into());
            (None, None, None)
        }
        Place::Target(t) => {
            o.insert("target".into(), t.as_str().into());
            (None, None, None)
        }
    };
    o.insert(
        "file".into(),
        file.map(|p| p.to_string_lossy().into_owned()).into(),
    );
    o.insert("line".into(), line.into());
    o.insert("column".into(), column.into());
    o.insert(
        "severity".into(),
        match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
        .into(),
    );
    o.insert("kind".into(), d.kind.code().into());
    o.insert("message".into(), d.kind.text(lang).into());
    serde_json::Value::Object(o).to_string()
}

/// rustc's layout. A file line that cannot be read (gone, binary, a
/// spreadsheet) leaves the header and the place alone.
pub fn human(d: &Diagnostic, lang: Lang, root: &Path, color: bool) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    }
    .with_name(severity_word(d.severity, lang));
    let message = d.kind.text(lang);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let excerpt = match &d.place {
        Place::File {
            path,
            line: Some(line),
            column,
        } => source_line(root, path, *line).map(|text| (path, *line, *column, text)),
        _ => None,
    };
    let out = match excerpt {
        Some((path, line, column, text)) => {
            let span = caret_span(&text, column);
            let origin = path.display().to_string();
            let report = &[level.primary_title(&message).element(
                Snippet::source(&text)
                    .line_start(line)
                    .path(&origin)
                    .annotation(AnnotationKind::Primary.span(span)),
            )];
            renderer.render(report)
        }
        None => {
            let title = level.primary_title(&message);
            let head = renderer
                .render(&[title.element(annotate_snippets::Origin::path(place(&d.place, lang)))]);
            head
        }
    };
    // A blank line after each, as rustc leaves.
    format!("{out}\n\n")
}

/// Line `line` (1-based) of the file, when it is readable text; tabs made
/// spaces so the caret lines up.
fn source_line(root: &Path, path: &Path, line: usize) -> Option<String> {
    let full = if path.is_absolute() {
        path.to_path_buf()
    } else {
        root.join(path)
    };
    let bytes = std::fs::read(full).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let l = text.lines().nth(line.checked_sub(1)?)?;
    Some(l.trim_end_matches('\r').replace('\t', "    "))
}

/// The bytes the caret marks: the character at `column` (1-based, in
/// characters), else the line's first non-blank one; at the end of an empty
/// or shorter line, the line's end.
fn caret_span(text: &str, column: Option<usize>) -> std::ops::Range<usize> {
    let start = match column {
        Some(c) if c >= 1 => text
            .char_indices()
            .nth(c - 1)
            .map(|(i, _)| i)
            .unwrap_or(text.len()),
        _ => text.len() - text.trim_start().len(),
    };
    let end = text[start..]
        .chars()
        .next()
        .map_or(start, |ch| start + ch.len_utf8());
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::msg::Io;

    fn site_with(file: &str, text: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(file), text).unwrap();
        dir
    }

    #[test]
    fn human_shows_the_line_and_a_caret_under_the_column() {
        let dir = site_with("a.md", "---\ntitle: Hội nghị\n---\n");
        let d = Diagnostic::new("a.md", Io::NotUtf8).at(2, 8);
        let text = human(&d, Lang::Vi, dir.path(), false);
        assert!(
            text.starts_with("lỗi: tệp không phải văn bản UTF-8"),
            "{text}"
        );
        assert!(text.contains("--> a.md:2:8"), "{text}");
        assert!(text.contains("2 | title: Hội nghị"), "{text}");
        let caret = text
            .lines()
            .find(|l| l.contains('^'))
            .expect("a caret line");
        let code = text.lines().find(|l| l.contains("title:")).unwrap();
        // The caret stands under the `H` of `Hội`.
        let at = code.find('H').unwrap();
        assert_eq!(caret.find('^'), Some(at), "{text}");
    }

    #[test]
    fn human_without_a_readable_line_still_names_the_place() {
        let dir = tempfile::tempdir().unwrap();
        let d = Diagnostic::new("gone.md", Io::NotFound).at_line(4);
        let text = human(&d, Lang::En, dir.path(), false);
        assert!(text.starts_with("error: the file does not exist"), "{text}");
        assert!(text.contains("gone.md:4"), "{text}");
    }

    #[test]
    fn warnings_are_named_in_both_languages() {
        let d = Diagnostic::new("a.md", Io::NotFound).warning();
        assert!(short(&d, Lang::Vi).starts_with("cảnh báo: a.md: "));
        assert!(short(&d, Lang::En).starts_with("warning: a.md: "));
    }

    #[test]
    fn json_names_every_field() {
        let d = Diagnostic::in_cell("content/data/x.xlsx", "Tổng hợp", "C7", Io::NotFound);
        let v: serde_json::Value = serde_json::from_str(&json(&d, Lang::En)).unwrap();
        assert_eq!(v["file"], "content/data/x.xlsx");
        assert_eq!(v["sheet"], "Tổng hợp");
        assert_eq!(v["cell"], "C7");
        assert_eq!(v["line"], serde_json::Value::Null);
        assert_eq!(v["severity"], "error");
        assert_eq!(v["kind"], "io/not-found");
        assert!(v["message"]
            .as_str()
            .unwrap()
            .starts_with("the file does not exist"));
    }

    #[test]
    fn cells_are_placed_by_sheet_and_cell() {
        let d = Diagnostic::in_cell("data/x.xlsx", "Tổng hợp", "C7", Io::NotFound);
        assert_eq!(
            place(&d.place, Lang::En),
            "data/x.xlsx: sheet \"Tổng hợp\", cell C7"
        );
        assert_eq!(
            place(&d.place, Lang::Vi),
            "data/x.xlsx: trang tính \"Tổng hợp\", ô C7"
        );
    }
}
