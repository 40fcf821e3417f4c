//! Reads one sheet of an .xlsx, .xlsm, .xls or .ods workbook into a [`Grid`]
//! with calamine. Cells of formulas give the result the office program saved
//! with them. An .xlsx sheet is streamed cell by cell so that a huge sheet
//! stops at [`MAX_CELLS`] instead of filling memory.

use std::io::Cursor;

use calamine::{Data, DataRef, Ods, Reader, Xls, Xlsx};

use super::grid::{Area, Grid, Value};
use super::messages::{self as msg, Sheet};
use crate::diagnostic::Kind;

/// Cells kept from one sheet: a report table is a few thousand; a sheet past
/// this is not a table for a web page.
pub const MAX_CELLS: usize = 2_000_000;

/// Which sheet the sidecar asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetChoice {
    First,
    Name(String),
    /// 1-based, as editors count the tabs.
    Number(usize),
}

/// Why a sheet could not be read: about the file, or about the sidecar's `sheet:`.
#[derive(Debug)]
pub enum Problem {
    File(Kind),
    /// A problem on a line of a CSV file.
    Line(usize, Kind),
    Sheet(Kind),
}

/// Reads the chosen sheet of the workbook in `bytes`; only cells inside
/// `area` are kept when one is given.
pub fn read(
    bytes: Vec<u8>,
    ext: &str,
    choice: &SheetChoice,
    area: Option<Area>,
) -> Result<Grid, Problem> {
    // An .xlsx with a password is an encrypted OLE container, not a zip.
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if ole && ext != "xls" {
        return Err(Problem::File(msg::password_or_disguised(ext).into()));
    }
    // Some programs save an .xlsx under the name .xls: read what it is.
    let zip_named_xls = ext == "xls" && bytes.starts_with(b"PK\x03\x04");
    if matches!(ext, "xlsx" | "xlsm") || zip_named_xls {
        let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
            .map_err(|e| Problem::File(msg::unreadable_workbook(ext, &e.to_string()).into()))?;
        let name = pick(&wb.sheet_names(), choice)?;
        return stream_xlsx(&mut wb, &name, area);
    }
    let cursor = Cursor::new(bytes);
    match ext {
        "ods" => whole(Ods::new(cursor), ext, choice, area),
        _ => whole(Xls::new(cursor), ext, choice, area),
    }
}

/// An .xls or .ods workbook's sheet: calamine reads these whole, values and
/// formulas apart. Opened by the file's extension, so that its own reader's
/// error (a password) is the one reported.
fn whole<R, E>(
    opened: Result<R, E>,
    ext: &str,
    choice: &SheetChoice,
    area: Option<Area>,
) -> Result<Grid, Problem>
where
    R: Reader<Cursor<Vec<u8>>, Error = E>,
    E: std::fmt::Display,
{
    let mut wb = opened.map_err(|e| {
        let text = e.to_string();
        if text.to_lowercase().contains("password") {
            Problem::File(Sheet::Password.into())
        } else {
            Problem::File(msg::unreadable_workbook(ext, &text).into())
        }
    })?;
    let name = pick(&wb.sheet_names(), choice)?;
    let values = wb
        .worksheet_range(&name)
        .map_err(|e| Problem::File(msg::unreadable_sheet(&name, &e.to_string()).into()))?;
    let formulas = wb.worksheet_formula(&name).unwrap_or_default();
    from_ranges(name, &values, &formulas, area)
}

/// The grid of an .xls or .ods sheet, read whole by calamine.
fn from_ranges(
    name: String,
    values: &calamine::Range<Data>,
    formulas: &calamine::Range<String>,
    area: Option<Area>,
) -> Result<Grid, Problem> {
    let mut grid = Grid {
        sheet: Some(name),
        ..Grid::default()
    };
    let inside = |r: u32, c: u32| area.is_none_or(|a| a.contains(r, c));
    let (r0, c0) = values.start().unwrap_or((0, 0));
    for (r, c, v) in values.used_cells() {
        let (r, c) = (r as u32 + r0, c as u32 + c0);
        if let Some(v) = from_data(v).filter(|_| inside(r, c)) {
            let formula = formulas.get_value((r, c)).is_some_and(|f| !f.is_empty());
            grid.cells.push((r, c, error_text(v, formula)));
        }
    }
    // A formula with no saved result has an empty value.
    let (f0, g0) = formulas.start().unwrap_or((0, 0));
    for (r, c, f) in formulas.used_cells() {
        let (r, c) = (r as u32 + f0, c as u32 + g0);
        let empty = values.get_value((r, c)).is_none_or(|v| *v == Data::Empty);
        if !f.is_empty() && empty && inside(r, c) {
            grid.cells.push((r, c, Value::NoResult));
        }
    }
    grid.cells.sort_by_key(|(r, c, _)| (*r, *c));
    if grid.cells.len() > MAX_CELLS {
        return Err(Problem::File(Sheet::TooManyCells { max: MAX_CELLS }.into()));
    }
    Ok(grid)
}

/// The sheet's name for `choice`, or the problem listing the sheets there are.
fn pick(names: &[String], choice: &SheetChoice) -> Result<String, Problem> {
    let found = match choice {
        SheetChoice::First => names.first(),
        SheetChoice::Name(n) => names.iter().find(|s| s.as_str() == n).or_else(|| {
            names
                .iter()
                .find(|s| s.trim().to_lowercase() == n.trim().to_lowercase())
        }),
        SheetChoice::Number(i) => i.checked_sub(1).and_then(|i| names.get(i)),
    };
    match (found, choice) {
        (Some(n), _) => Ok(n.clone()),
        (None, SheetChoice::First) => Err(Problem::File(Sheet::NoSheets.into())),
        (None, _) => Err(Problem::Sheet(msg::unknown_sheet(choice, names).into())),
    }
}

fn stream_xlsx(
    wb: &mut Xlsx<Cursor<Vec<u8>>>,
    name: &str,
    area: Option<Area>,
) -> Result<Grid, Problem> {
    let bad =
        |e: calamine::XlsxError| Problem::File(msg::unreadable_sheet(name, &e.to_string()).into());
    let mut reader = wb.worksheet_cells_reader(name).map_err(bad)?;
    let mut grid = Grid {
        sheet: Some(name.to_string()),
        ..Grid::default()
    };
    while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(bad)? {
        let (r, c) = cell.pos;
        if area.is_some_and(|a| !a.contains(r, c)) {
            continue;
        }
        let value = match from_ref(&cell.value) {
            Some(v) => v,
            None if cell.formula.is_some() => Value::NoResult,
            None => continue,
        };
        grid.cells.push((r, c, value));
        if grid.cells.len() > MAX_CELLS {
            return Err(Problem::File(Sheet::TooManyCells { max: MAX_CELLS }.into()));
        }
    }
    grid.cells.sort_by_key(|(r, c, _)| (*r, *c));
    Ok(grid)
}

fn from_ref(v: &DataRef) -> Option<Value> {
    Some(match v {
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::String(s) => text(s)?,
        DataRef::SharedString(s) => text(s)?,
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(d) => excel_date(d),
        DataRef::DateTimeIso(s) => Value::Date(iso_date(s)),
        DataRef::DurationIso(s) => Value::Text(s.clone()),
        DataRef::Error(e) => Value::Failed(e.to_string()),
        DataRef::Empty => return None,
    })
}

fn from_data(v: &Data) -> Option<Value> {
    Some(match v {
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::String(s) => text(s)?,
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(d) => excel_date(d),
        Data::DateTimeIso(s) => Value::Date(iso_date(s)),
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Failed(e.to_string()),
        Data::Empty => return None,
    })
}

/// LibreOffice saves a formula's error result as the text shown in the cell
/// (`#DIV/0!`, `Err:502`); calamine hands it over as text.
fn error_text(v: Value, formula: bool) -> Value {
    match v {
        Value::Text(t) if formula && is_error_code(t.trim()) => Value::Failed(t.trim().to_string()),
        v => v,
    }
}

fn is_error_code(t: &str) -> bool {
    let hash = t.starts_with('#') && (t.ends_with('!') || t.ends_with('?') || t == "#N/A");
    let err = t
        .strip_prefix("Err:")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    hash || err
}

/// Blank text is an empty cell.
fn text(s: &str) -> Option<Value> {
    (!s.trim().is_empty()).then(|| Value::Text(s.to_string()))
}

/// `2024-03-15`, with `HH:MM` when the cell holds a time of day too.
fn excel_date(d: &calamine::ExcelDateTime) -> Value {
    if d.is_duration() {
        return Value::Number(d.as_f64());
    }
    let (y, m, day, h, min, _, _) = d.to_ymd_hms_milli();
    if h == 0 && min == 0 {
        Value::Date(format!("{y:04}-{m:02}-{day:02}"))
    } else {
        Value::Date(format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}"))
    }
}

/// OpenDocument's `2024-03-15T00:00:00` → `2024-03-15`.
fn iso_date(s: &str) -> String {
    match s.split_once('T') {
        Some((date, time)) if time.trim_start_matches(['0', ':', '.']).is_empty() => {
            date.to_string()
        }
        Some((date, time)) => format!("{date} {}", time.get(..5).unwrap_or(time)),
        None => s.to_string(),
    }
}
