//! Every message an editor can get from a spreadsheet or CSV dataset, in one
//! place so that they can be read, checked and translated together.

use super::workbook::SheetChoice;

pub fn password_or_disguised(ext: &str) -> String {
    format!(
        "the workbook is protected by a password (or is an old .xls file named .{ext}); remove the password in Excel (File › Info › Protect Workbook) or LibreOffice (File › Properties › Security) and save it again"
    )
}

pub fn unreadable_workbook(ext: &str, why: &str) -> String {
    format!(
        "the file cannot be read as a .{ext} workbook ({why}); it may be damaged or of another kind: open it in Excel or LibreOffice and save it again as .xlsx"
    )
}

pub fn unreadable_sheet(sheet: &str, why: &str) -> String {
    format!("sheet \"{sheet}\" cannot be read ({why}); open the file in Excel or LibreOffice and save it again")
}

pub fn no_sheets() -> String {
    "the workbook has no sheets".to_string()
}

pub fn unknown_sheet(choice: &SheetChoice, names: &[String]) -> String {
    let list: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{} \"{n}\"", i + 1))
        .collect();
    let asked = match choice {
        SheetChoice::Number(n) => format!("there is no sheet number {n}"),
        SheetChoice::Name(n) => format!("there is no sheet \"{n}\""),
        SheetChoice::First => "there is no sheet".to_string(),
    };
    format!("{asked}; the workbook has: {}", list.join(", "))
}

pub fn too_many_cells(max: usize) -> String {
    format!(
        "the sheet has more than {max} filled cells, far more than a table on a web page; keep the table in a sheet of its own, or give range: (like A3:F20) in the dataset's .yaml file"
    )
}

pub fn too_many_rows(max: usize) -> String {
    format!(
        "the table has more than {max} rows; a dataset can have at most {max}: give range: (like A3:F20) in the dataset's .yaml file, or split the table"
    )
}

pub fn file_too_large(mb: f64, max_mb: u64) -> String {
    format!(
        "the file is {mb:.1} MB; a spreadsheet dataset can be at most {max_mb} MB: keep only the table the site shows in it"
    )
}

pub fn not_utf8(line: usize) -> String {
    format!(
        "line {line}: the file is not UTF-8 text (it looks saved as Windows-1258 or Windows-1252, which break Vietnamese letters); in Excel choose File › Save As › \"CSV UTF-8\", in LibreOffice tick \"Edit filter settings\" and choose \"Unicode (UTF-8)\""
    )
}

pub fn bad_csv(line: u64, why: &str) -> String {
    format!("line {line}: the CSV cannot be read ({why}); check the quotes on that line")
}

pub fn empty_sheet(where_: &str) -> String {
    format!("{where_} has no filled cells; put the table there, or choose another sheet with sheet: in the dataset's .yaml file")
}

pub fn empty_header_row(place: &str) -> String {
    format!("{place} is empty; header_row: must name the row that holds the column headers")
}

pub fn no_rows(place: &str) -> String {
    format!("there are no rows of figures below the headers in {place}; the table ends at the first empty row (give range: to read past it)")
}

pub fn title_row(place: &str, text: &str) -> String {
    format!("{place} (\"{text}\") is followed by an empty row, so the table has no rows; if {place} is a title over the table, give header_row: (the row of the column headers) or range: in the dataset's .yaml file")
}

pub fn nameless_header(place: &str, text: &str) -> String {
    format!("{place}: the header \"{text}\" has no letters or digits to name the column by; write a name there, or give the column one with columns: in the dataset's .yaml file")
}

pub fn no_header(place: &str, header_place: &str) -> String {
    format!(
        "{place} has a value, but its column has no header in {header_place}; write a header there, or, if the headers are in another row (a title row above them), give header_row: or range: in the dataset's .yaml file"
    )
}

pub fn same_name(first: &str, second: &str, id: &str) -> String {
    format!(
        "the headers in {first} and {second} both give the column name `{id}`; make them differ, or give one a name of its own with columns: {{ other: {{ header: … }} }} in the dataset's .yaml file"
    )
}

pub fn not_a_number(place: &str, text: &str, hint: &str) -> String {
    format!("{place}: \"{text}\" is not a number; {hint}")
}

pub fn number_hint(lang: crate::text::Lang) -> &'static str {
    match lang {
        crate::text::Lang::Vi => "write figures like 7314, 7.314, 1.234,5 or 57,6% (a comma before decimals on a Vietnamese site), or leave the cell empty when there is no figure",
        crate::text::Lang::En => "write figures like 7314, 7,314, 1,234.5 or 57.6% (a dot before decimals on an English site), or leave the cell empty when there is no figure",
    }
}

pub fn failed_formula(place: &str, error: &str) -> String {
    format!("{place}: the formula's result is the error {error}; correct the formula in the workbook, or clear the cell")
}

pub fn no_cached_result(place: &str) -> String {
    format!("{place}: the formula has no saved result (the file was written by a program and never opened); open the file in Excel or LibreOffice and save it, so the results are stored")
}

pub fn more_errors(n: usize) -> String {
    format!("… and {n} more cells like these")
}

pub fn unknown_column(key: &str, have: &str) -> String {
    format!("columns: `{key}` is not a column of the sheet; the sheet's columns are: {have}")
}

pub fn unknown_header(header: &str, have: &str) -> String {
    format!("columns: no column has the header \"{header}\"; the headers are: {have}")
}

pub fn renamed_twice(id: &str) -> String {
    format!(
        "columns: two columns of the sheet would be named `{id}`; give one of them another name"
    )
}

pub fn bad_range(text: &str) -> String {
    format!("range: `{text}` is not a range of cells; write it like A3:F20")
}

pub fn header_outside_range(row: u32) -> String {
    format!("header_row: row {row} is outside range:; the header row must be inside the range")
}

pub fn sheet_in_csv() -> String {
    "sheet: a CSV file has no sheets; remove sheet:".to_string()
}

pub fn two_datasets(a: &str, b: &str, id: &str) -> String {
    format!(
        "{a} and {b} are two datasets with the same id `{id}`; keep one of them (a .yaml beside a sheet describes the sheet: remove its rows:)"
    )
}
