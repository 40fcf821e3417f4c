//! From a [`Grid`] to a dataset's columns and rows: the header row names the
//! columns, the rows below it are the rows, and each column is read either as
//! figures or as labels.

use super::grid::{At, Grid, Value};
use super::messages::Sheet;
use super::number::{parse, Parsed};
use crate::input::dataset::{Cell, Column, Row};
use crate::text::slug::slugify;
use crate::text::Lang;

/// Rows a dataset may have: ten times the largest report table we know of.
pub const MAX_ROWS: usize = 100_000;

/// Cell errors reported per file before the rest are counted in one line.
const MAX_CELL_ERRORS: usize = 20;

/// A column as the sheet names it, before the sidecar renames or labels it.
#[derive(Debug, Clone)]
pub struct SheetColumn {
    pub col: u32,
    pub id: String,
    /// The header's text, whitespace collapsed: the column's label.
    pub header: String,
}

/// A problem of the table and where it is.
#[derive(Debug)]
pub struct Found {
    pub at: At,
    pub kind: Sheet,
}

impl Found {
    fn file(kind: Sheet) -> Found {
        Found { at: At::File, kind }
    }
}

/// One sheet row's cells, in column order: a slice of the grid.
pub type RowCells<'g> = &'g [(u32, u32, Value)];

/// The header row's columns and the data rows, each with its 0-based row.
pub struct Layout<'g> {
    pub columns: Vec<SheetColumn>,
    pub rows: Vec<(u32, RowCells<'g>)>,
}

/// The grid's rows: its cells are in reading order, so each row is a run of
/// cells with one row number (borrowed, not copied: a sheet may be large).
fn rows_of(grid: &Grid) -> impl Iterator<Item = (u32, RowCells<'_>)> {
    grid.cells.chunk_by(|a, b| a.0 == b.0).map(|c| (c[0].0, c))
}

/// The cell of `col` in a row, if it is filled.
fn cell_at<'g>(row: RowCells<'g>, col: u32) -> Option<&'g Value> {
    let i = row.binary_search_by_key(&col, |(_, c, _)| *c).ok()?;
    Some(&row[i].2)
}

/// Finds the header row (given 1-based, else the first filled row) and the
/// rows below it: up to the first empty row, or every filled row of the
/// range when `ranged`.
pub fn layout(
    grid: &Grid,
    header_row: Option<u32>,
    ranged: bool,
) -> Result<Layout<'_>, Vec<Found>> {
    let header = match (header_row, grid.cells.first()) {
        (Some(n), _) => n.saturating_sub(1),
        (None, Some((r, _, _))) => *r,
        (None, None) => {
            let sheet = grid.sheet.clone();
            return Err(vec![Found::file(Sheet::EmptySheet { sheet })]);
        }
    };
    let mut below_header = rows_of(grid).skip_while(|(r, _)| *r < header).peekable();
    let Some((_, header_cells)) = below_header.next_if(|(r, _)| *r == header) else {
        let row = grid.row_spot(header);
        return Err(vec![Found::file(Sheet::EmptyHeaderRow { row })]);
    };
    let mut rows = Vec::new();
    let mut expected = header + 1;
    let below = below_header.peek().is_some();
    for (r, cells) in below_header {
        if !ranged && r != expected {
            break;
        }
        expected = r + 1;
        rows.push((r, cells));
        if rows.len() > MAX_ROWS {
            return Err(vec![Found::file(Sheet::TooManyRows { max: MAX_ROWS })]);
        }
    }
    if rows.is_empty() {
        let (col, text) = header_cells
            .first()
            .map(|(_, c, v)| (*c, shown(v)))
            .unwrap_or_default();
        return Err(vec![match below {
            true => Found {
                at: At::Cell(header, col),
                kind: Sheet::TitleRow { text },
            },
            false => Found::file(Sheet::NoRows {
                row: grid.row_spot(header),
            }),
        }]);
    }
    let columns = header_columns(grid, header, header_cells, &rows)?;
    Ok(Layout { columns, rows })
}

fn header_columns(
    grid: &Grid,
    header: u32,
    cells: RowCells,
    rows: &[(u32, RowCells)],
) -> Result<Vec<SheetColumn>, Vec<Found>> {
    let mut errors = Vec::new();
    let mut columns: Vec<SheetColumn> = Vec::new();
    for (_, col, v) in cells {
        let col = *col;
        let text = shown(v);
        let header_text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let id = slugify(&header_text);
        if id.is_empty() {
            errors.push(Found {
                at: At::Cell(header, col),
                kind: Sheet::NamelessHeader { text: header_text },
            });
            continue;
        }
        if let Some(first) = columns.iter().find(|c| c.id == id) {
            let first = grid.spot(header, first.col);
            errors.push(Found {
                at: At::Cell(header, col),
                kind: Sheet::SameName { first, id },
            });
            continue;
        }
        columns.push(SheetColumn {
            col,
            id,
            header: header_text,
        });
    }
    let mut reported = Vec::new();
    for (r, row) in rows {
        for &(_, c, _) in row.iter() {
            if cell_at(cells, c).is_none() && !reported.contains(&c) {
                reported.push(c);
                errors.push(Found {
                    at: At::Cell(*r, c),
                    kind: Sheet::NoHeader {
                        header_row: grid.row_spot(header),
                    },
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

/// A cell as text: headers, labels, and what an error message quotes.
pub fn shown(v: &Value) -> String {
    match v {
        Value::Number(n) => Cell::Number(*n).key(),
        Value::Text(t) => t.trim().to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Date(d) => d.clone(),
        Value::Failed(e) => e.clone(),
        Value::NoResult => String::new(),
    }
}

/// What one column's cells became, and whether any figure was written with `%`.
struct Read {
    cells: Vec<Cell>,
    percent: bool,
}

/// The rows as the dataset keeps them, each column read as figures when most
/// of its filled cells are figures (its other text cells are then errors),
/// else as labels. Also returns each column's `%` flag.
pub fn rows(
    layout: &Layout,
    ids: &[String],
    lang: Lang,
) -> Result<(Vec<Row>, Vec<bool>), Vec<Found>> {
    let mut errors = Vec::new();
    let mut read = Vec::with_capacity(layout.columns.len());
    for col in &layout.columns {
        read.push(column(layout, col.col, lang, &mut errors));
    }
    if errors.len() > MAX_CELL_ERRORS {
        let more = errors.len() - MAX_CELL_ERRORS;
        errors.truncate(MAX_CELL_ERRORS);
        errors.push(Found::file(Sheet::MoreErrors { n: more }));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let percent = read.iter().map(|r| r.percent).collect();
    let mut by_column: Vec<_> = read.into_iter().map(|r| r.cells.into_iter()).collect();
    let mut out = Vec::with_capacity(layout.rows.len());
    for _ in 0..layout.rows.len() {
        let mut row = Row::new();
        for (id, cells) in ids.iter().zip(&mut by_column) {
            if let Some(cell) = cells.next() {
                row.insert(id.clone(), cell);
            }
        }
        out.push(row);
    }
    Ok((out, percent))
}

fn column(layout: &Layout, col: u32, lang: Lang, errors: &mut Vec<Found>) -> Read {
    let values: Vec<Option<&Value>> = layout
        .rows
        .iter()
        .map(|(_, cells)| cell_at(cells, col))
        .collect();
    let parsed: Vec<Option<Parsed>> = values
        .iter()
        .map(|v| match v {
            Some(Value::Number(n)) => Some(Parsed::Number(*n, false)),
            Some(Value::Text(t)) => Some(parse(t, lang)),
            Some(Value::Date(_) | Value::Bool(_)) => Some(Parsed::NotANumber),
            _ => None,
        })
        .collect();
    let figures = parsed
        .iter()
        .filter(|p| matches!(p, Some(Parsed::Number(..))))
        .count();
    let words = parsed
        .iter()
        .filter(|p| matches!(p, Some(Parsed::NotANumber)))
        .count();
    let as_figures = figures > words;
    let mut cells = Vec::with_capacity(values.len());
    let mut percent = false;
    for (i, (v, p)) in values.iter().zip(&parsed).enumerate() {
        let at = At::Cell(layout.rows[i].0, col);
        let cell = match (v, p) {
            (None, _) => Cell::Empty,
            (Some(Value::Failed(e)), _) => {
                let error = e.clone();
                errors.push(Found {
                    at,
                    kind: Sheet::FailedFormula { error },
                });
                Cell::Empty
            }
            (Some(Value::NoResult), _) => {
                errors.push(Found {
                    at,
                    kind: Sheet::NoCachedResult,
                });
                Cell::Empty
            }
            (Some(v), Some(Parsed::Number(n, pc)))
                if as_figures || matches!(v, Value::Number(_)) =>
            {
                percent |= *pc;
                Cell::Number(*n)
            }
            (Some(_), Some(Parsed::Missing)) if as_figures => Cell::Empty,
            (Some(v), _) if as_figures => {
                let kind = Sheet::NotANumber {
                    text: shown(v),
                    site: lang,
                };
                errors.push(Found { at, kind });
                Cell::Empty
            }
            (Some(Value::Bool(b)), _) => Cell::Bool(*b),
            (Some(v), _) => {
                let text = shown(v);
                if text.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(text)
                }
            }
        };
        cells.push(cell);
    }
    Read { cells, percent }
}

/// The dataset's columns: the sheet's, renamed and labelled by the sidecar.
pub fn columns(
    sheet: &[SheetColumn],
    ids: &[String],
    specs: &[(Option<String>, Option<String>)],
    percent: &[bool],
) -> Vec<Column> {
    sheet
        .iter()
        .zip(ids)
        .zip(specs)
        .zip(percent)
        .map(|(((c, id), (label, unit)), pc)| Column {
            id: id.clone(),
            label: label.clone().unwrap_or_else(|| c.header.clone()),
            unit: unit.clone().or_else(|| pc.then(|| "%".to_string())),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(cells: &[(u32, u32, Value)]) -> Grid {
        Grid {
            cells: cells.to_vec(),
            lines: None,
            sheet: Some("S".into()),
        }
    }

    fn t(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn mostly_figures_make_a_figures_column_and_words_in_it_are_errors() {
        let g = grid(&[
            (0, 0, t("Đơn vị")),
            (0, 1, t("Kết nạp")),
            (1, 0, t("Thái Hòa")),
            (1, 1, t("1.234")),
            (2, 0, t("Tân Giang")),
            (2, 1, Value::Number(15.0)),
            (3, 0, t("Tam Kỳ")),
            (3, 1, t("bảy")),
            (4, 0, t("Tổng cộng")),
            (4, 1, t("-")),
        ]);
        let layout = layout(&g, None, false).unwrap();
        let ids: Vec<String> = layout.columns.iter().map(|c| c.id.clone()).collect();
        assert_eq!(ids, ["don-vi", "ket-nap"]);
        let err = rows(&layout, &ids, Lang::Vi).unwrap_err();
        assert_eq!(err.len(), 1);
        let d = g.report(
            std::path::Path::new("a.xlsx"),
            err[0].at,
            err[0].kind.clone(),
        );
        assert!(
            d.to_string()
                .starts_with("a.xlsx: sheet \"S\", cell B4: \"bảy\" is not a number;"),
            "{d}"
        );
    }

    #[test]
    fn labels_stay_text_and_empty_cells_are_missing() {
        let g = grid(&[
            (0, 0, t("Năm")),
            (0, 1, t("Tỷ lệ")),
            (0, 2, t("Ghi chú")),
            (1, 0, Value::Number(2021.0)),
            (1, 1, t("57,6%")),
            (1, 2, t("7.314 người")),
            (2, 0, Value::Number(2022.0)),
            (2, 2, t("-")),
        ]);
        let layout = layout(&g, None, false).unwrap();
        let ids: Vec<String> = layout.columns.iter().map(|c| c.id.clone()).collect();
        let (rows, percent) = rows(&layout, &ids, Lang::Vi).unwrap();
        assert_eq!(percent, [false, true, false]);
        assert_eq!(rows[0]["ty-le"], Cell::Number(57.6));
        assert_eq!(rows[1]["ty-le"], Cell::Empty);
        assert_eq!(rows[0]["ghi-chu"], Cell::Text("7.314 người".into()));
        assert_eq!(rows[1]["nam"], Cell::Number(2022.0));
    }

    #[test]
    fn the_table_ends_at_the_first_empty_row_unless_a_range_is_given() {
        let g = grid(&[
            (0, 0, t("Năm")),
            (1, 0, Value::Number(2021.0)),
            (3, 0, t("Người lập biểu")),
        ]);
        assert_eq!(layout(&g, None, false).unwrap().rows.len(), 1);
        assert_eq!(layout(&g, None, true).unwrap().rows.len(), 2);
    }

    #[test]
    fn headers_that_collide_or_are_missing_are_reported() {
        let g = grid(&[
            (0, 0, t("Kết nạp")),
            (0, 1, t("Kết  nạp")),
            (1, 0, Value::Number(1.0)),
            (1, 2, Value::Number(2.0)),
        ]);
        let err = layout(&g, None, false).err().unwrap();
        assert_eq!(err.len(), 2, "{err:?}");
        let shown: Vec<String> = err
            .iter()
            .map(|f| {
                g.report(std::path::Path::new("a.xlsx"), f.at, f.kind.clone())
                    .to_string()
            })
            .collect();
        assert!(
            shown[0].starts_with("a.xlsx: sheet \"S\", cell B1: the headers here and in cell A1")
                && shown[0].contains("`ket-nap`"),
            "{}",
            shown[0]
        );
        assert!(shown[1].starts_with(
            "a.xlsx: sheet \"S\", cell C2: this cell has a value, but its column has no header in row 1"
        ));
    }
}
