//! A sheet as read from any format: sparse cells with their positions, and
//! how to name a position in the editor's words (`cell C7`, or a CSV line).

use std::path::Path;

use super::messages::{Sheet, Spot};
use crate::diagnostic::Diagnostic;

/// One cell's content, before it is read as a figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
    Bool(bool),
    /// `2024-03-15` (and a time when there is one).
    Date(String),
    /// An Excel error value such as `#DIV/0!`.
    Failed(String),
    /// A formula saved without its result (written by a program, never opened).
    NoResult,
}

/// A sheet's non-empty cells, 0-based `(row, column)`, in reading order.
#[derive(Debug, Default)]
pub struct Grid {
    pub cells: Vec<(u32, u32, Value)>,
    /// For CSV: the file line each record starts on, by record; spreadsheets
    /// name cells instead.
    pub lines: Option<Vec<u64>>,
    /// For spreadsheets: the sheet's name.
    pub sheet: Option<String>,
}

/// Where a problem of the table is: the whole file, or one cell (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    File,
    Cell(u32, u32),
}

impl Grid {
    /// The CSV line a record starts on.
    fn line(&self, row: u32) -> Option<u64> {
        let lines = self.lines.as_ref()?;
        Some(lines.get(row as usize).copied().unwrap_or(row as u64 + 1))
    }

    /// A cell named in a message: `C7`, or a CSV file's line and column.
    pub fn spot(&self, row: u32, col: u32) -> Spot {
        let letters = column_letters(col);
        match self.line(row) {
            Some(line) => Spot::LineColumn(line, letters),
            None => Spot::Cell(format!("{letters}{}", row + 1)),
        }
    }

    /// A whole row named in a message: `row 3`, or a CSV file's line.
    pub fn row_spot(&self, row: u32) -> Spot {
        match self.line(row) {
            Some(line) => Spot::Line(line),
            None => Spot::Row(row + 1),
        }
    }

    /// The problem `kind` of the file `rel`, at `at`: a sheet's cell, or a CSV
    /// file's line (its column named in the message).
    pub fn report(&self, rel: &Path, at: At, kind: Sheet) -> Diagnostic {
        let At::Cell(row, col) = at else {
            return Diagnostic::new(rel, kind);
        };
        let letters = column_letters(col);
        match self.line(row) {
            Some(line) => {
                let problem = Box::new(kind);
                let kind = Sheet::InColumn {
                    column: letters,
                    problem,
                };
                Diagnostic::new(rel, kind).at_line(line as usize)
            }
            None => {
                let sheet = self.sheet.clone().unwrap_or_default();
                Diagnostic::in_cell(rel, sheet, format!("{letters}{}", row + 1), kind)
            }
        }
    }
}

/// 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A rectangle of cells, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

impl Area {
    pub fn contains(&self, row: u32, col: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

/// `A3:F20` (letters in either case, `$` allowed) → an [`Area`].
pub fn parse_range(text: &str) -> Option<Area> {
    let (a, b) = text.trim().split_once(':')?;
    let (r1, c1) = parse_cell(a)?;
    let (r2, c2) = parse_cell(b)?;
    Some(Area {
        first_row: r1.min(r2),
        first_col: c1.min(c2),
        last_row: r1.max(r2),
        last_col: c1.max(c2),
    })
}

/// `C7` → (6, 2).
fn parse_cell(text: &str) -> Option<(u32, u32)> {
    let t = text.trim().replace('$', "");
    let split = t.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = t.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let mut col: u32 = 0;
    for b in letters.bytes() {
        col = col * 26 + (b.to_ascii_uppercase() - b'A') as u32 + 1;
    }
    let row: u32 = digits.parse().ok()?;
    if row == 0 || row > MAX_SHEET_ROW || col > MAX_SHEET_COL {
        return None;
    }
    Some((row - 1, col - 1))
}

/// Excel's own limits: 1,048,576 rows, 16,384 columns (XFD).
pub const MAX_SHEET_ROW: u32 = 1_048_576;
pub const MAX_SHEET_COL: u32 = 16_384;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
    }

    #[test]
    fn ranges() {
        let a = parse_range("A3:F20").unwrap();
        assert_eq!(
            (a.first_row, a.first_col, a.last_row, a.last_col),
            (2, 0, 19, 5)
        );
        assert_eq!(parse_range("$b$2:a10"), parse_range("A2:B10"));
        assert_eq!(parse_range("A0:B2"), None);
        assert_eq!(parse_range("A1"), None);
        assert_eq!(parse_range("1A:B2"), None);
        assert!(parse_range("XFD1048576:A1").is_some());
        assert_eq!(parse_range("XFE1:A1"), None);
    }

    #[test]
    fn places() {
        let g = Grid {
            sheet: Some("Tổng hợp".into()),
            ..Grid::default()
        };
        assert_eq!(g.spot(6, 2), Spot::Cell("C7".into()));
        let d = g.report(Path::new("a.xlsx"), At::Cell(6, 2), Sheet::NoCachedResult);
        assert!(d
            .to_string()
            .starts_with("a.xlsx: sheet \"Tổng hợp\", cell C7: the formula"));
        let c = Grid {
            lines: Some(vec![1, 2, 4]),
            ..Grid::default()
        };
        assert_eq!(c.spot(2, 1), Spot::LineColumn(4, "B".into()));
        let d = c.report(Path::new("a.csv"), At::Cell(2, 1), Sheet::NoCachedResult);
        assert!(d.to_string().starts_with("a.csv:4: column B: the formula"));
    }
}
