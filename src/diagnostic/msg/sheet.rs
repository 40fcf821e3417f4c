//! Spreadsheet and CSV datasets: the workbook, its sheets, its cells, and the
//! `.yaml` file beside it that describes it.

use strum::IntoStaticStr;

use super::list;
use crate::text::Lang;

/// A place named inside a message (the header row, another cell); the
/// message's own place is the diagnostic's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    /// `C7` on a sheet.
    Cell(String),
    /// A CSV file's line and column letter.
    LineColumn(u64, String),
    /// A sheet's row, 1-based.
    Row(u32),
    /// A CSV file's line.
    Line(u64),
}

impl Spot {
    fn text(&self, l: Lang) -> String {
        match self {
            Spot::Cell(c) => l.pick(format!("ô {c}"), format!("cell {c}")),
            Spot::LineColumn(n, c) => l.pick(format!("dòng {n}, cột {c}"), format!("line {n}, column {c}")),
            Spot::Row(n) => l.pick(format!("hàng {n}"), format!("row {n}")),
            Spot::Line(n) => l.pick(format!("dòng {n}"), format!("line {n}")),
        }
    }
}

/// The sheet a workbook was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    First,
    Name(String),
    Number(usize),
}

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Sheet {
    PasswordOrDisguised { ext: String },
    Password,
    UnreadableWorkbook { ext: String, why: String },
    UnreadableSheet { sheet: String, why: String },
    NoSheets,
    UnknownSheet { asked: Asked, names: Vec<String> },
    TooManyCells { max: usize },
    TooManyRows { max: usize },
    FileTooLarge { size_mb: String, max_mb: u64 },
    CsvNotUtf8,
    BadCsv { why: String },
    /// `sheet` is None for a CSV file.
    EmptySheet { sheet: Option<String> },
    EmptyHeaderRow { row: Spot },
    NoRows { row: Spot },
    TitleRow { text: String },
    NamelessHeader { text: String },
    NoHeader { header_row: Spot },
    SameName { first: Spot, id: String },
    /// `site` is the site's language, which decides how figures are written.
    NotANumber { text: String, site: Lang },
    FailedFormula { error: String },
    NoCachedResult,
    MoreErrors { n: usize },
    UnknownColumn { key: String, have: Vec<String> },
    UnknownHeader { header: String, have: Vec<String> },
    RenamedTwice { id: String },
    BadRange { text: String },
    HeaderOutsideRange { row: u32 },
    SheetInCsv,
    TwoDatasets { a: String, b: String, id: String },
    /// A CSV cell's problem: the line is the diagnostic's, the column is named.
    InColumn { column: String, problem: Box<Sheet> },
}

impl Sheet {
    pub fn text(&self, l: Lang) -> String {
        match self {
            Sheet::PasswordOrDisguised { ext } => l.pick(
                format!("bảng tính được khóa bằng mật khẩu (hoặc là tệp .xls cũ mang đuôi .{ext}); hãy gỡ mật khẩu trong Excel (File › Info › Protect Workbook) hoặc LibreOffice (File › Properties › Security) rồi lưu lại"),
                format!("the workbook is protected by a password (or is an old .xls file named .{ext}); remove the password in Excel (File › Info › Protect Workbook) or LibreOffice (File › Properties › Security) and save it again"),
            ),
            Sheet::Password => l.pick(
                "bảng tính được khóa bằng mật khẩu; hãy gỡ mật khẩu trong Excel (File › Info › Protect Workbook) hoặc LibreOffice (File › Properties › Security) rồi lưu lại",
                "the workbook is protected by a password; remove the password in Excel (File › Info › Protect Workbook) or LibreOffice (File › Properties › Security) and save it again",
            ).into(),
            Sheet::UnreadableWorkbook { ext, why } => l.pick(
                format!("không đọc được tệp như một bảng tính .{ext} ({why}); tệp có thể bị hỏng hoặc thuộc loại khác: hãy mở bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx"),
                format!("the file cannot be read as a .{ext} workbook ({why}); it may be damaged or of another kind: open it in Excel or LibreOffice and save it again as .xlsx"),
            ),
            Sheet::UnreadableSheet { sheet, why } => l.pick(
                format!("không đọc được trang tính \"{sheet}\" ({why}); hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại"),
                format!("sheet \"{sheet}\" cannot be read ({why}); open the file in Excel or LibreOffice and save it again"),
            ),
            Sheet::NoSheets => l.pick("bảng tính không có trang tính nào", "the workbook has no sheets").into(),
            Sheet::UnknownSheet { asked, names } => {
                let have: Vec<String> = names.iter().enumerate().map(|(i, n)| format!("{} \"{n}\"", i + 1)).collect();
                let have = have.join(", ");
                match asked {
                    Asked::Number(n) => l.pick(
                        format!("không có trang tính số {n}; bảng tính có: {have}"),
                        format!("there is no sheet number {n}; the workbook has: {have}"),
                    ),
                    Asked::Name(n) => l.pick(
                        format!("không có trang tính \"{n}\"; bảng tính có: {have}"),
                        format!("there is no sheet \"{n}\"; the workbook has: {have}"),
                    ),
                    Asked::First => l.pick(
                        format!("không có trang tính nào; bảng tính có: {have}"),
                        format!("there is no sheet; the workbook has: {have}"),
                    ),
                }
            }
            Sheet::TooManyCells { max } => l.pick(
                format!("trang tính có hơn {max} ô có dữ liệu, quá nhiều cho một bảng trên trang web; hãy để bảng ở một trang tính riêng, hoặc ghi range: (như A3:F20) trong tệp .yaml của bộ số liệu"),
                format!("the sheet has more than {max} filled cells, far more than a table on a web page; keep the table in a sheet of its own, or give range: (like A3:F20) in the dataset's .yaml file"),
            ),
            Sheet::TooManyRows { max } => l.pick(
                format!("bảng có hơn {max} hàng; một bộ số liệu chỉ được tối đa {max} hàng: hãy ghi range: (như A3:F20) trong tệp .yaml của bộ số liệu, hoặc chia nhỏ bảng"),
                format!("the table has more than {max} rows; a dataset can have at most {max}: give range: (like A3:F20) in the dataset's .yaml file, or split the table"),
            ),
            Sheet::FileTooLarge { size_mb, max_mb } => l.pick(
                format!("tệp nặng {size_mb} MB; bộ số liệu dạng bảng tính chỉ được tối đa {max_mb} MB: hãy chỉ giữ trong tệp bảng mà trang thông tin hiển thị"),
                format!("the file is {size_mb} MB; a spreadsheet dataset can be at most {max_mb} MB: keep only the table the site shows in it"),
            ),
            Sheet::CsvNotUtf8 => l.pick(
                "tệp không phải văn bản UTF-8 (có vẻ được lưu theo mã Windows-1258 hoặc Windows-1252, làm hỏng chữ tiếng Việt); trong Excel chọn File › Save As › \"CSV UTF-8\", trong LibreOffice đánh dấu \"Edit filter settings\" rồi chọn \"Unicode (UTF-8)\"",
                "the file is not UTF-8 text (it looks saved as Windows-1258 or Windows-1252, which break Vietnamese letters); in Excel choose File › Save As › \"CSV UTF-8\", in LibreOffice tick \"Edit filter settings\" and choose \"Unicode (UTF-8)\"",
            ).into(),
            Sheet::BadCsv { why } => l.pick(
                format!("không đọc được tệp CSV ({why}); hãy kiểm tra các dấu ngoặc kép trên dòng này"),
                format!("the CSV cannot be read ({why}); check the quotes on that line"),
            ),
            Sheet::EmptySheet { sheet } => {
                let (vi, en) = match sheet {
                    Some(s) => (format!("trang tính \"{s}\""), format!("sheet \"{s}\"")),
                    None => ("tệp".to_string(), "the file".to_string()),
                };
                l.pick(
                    format!("{vi} không có ô nào có dữ liệu; hãy đặt bảng vào đó, hoặc chọn trang tính khác bằng sheet: trong tệp .yaml của bộ số liệu"),
                    format!("{en} has no filled cells; put the table there, or choose another sheet with sheet: in the dataset's .yaml file"),
                )
            }
            Sheet::EmptyHeaderRow { row } => l.pick(
                format!("{} để trống; header_row: phải chỉ ra hàng chứa tiêu đề các cột", row.text(l)),
                format!("{} is empty; header_row: must name the row that holds the column headers", row.text(l)),
            ),
            Sheet::NoRows { row } => l.pick(
                format!("không có hàng số liệu nào bên dưới tiêu đề ở {}; bảng dừng ở hàng trống đầu tiên (ghi range: để đọc tiếp qua hàng trống)", row.text(l)),
                format!("there are no rows of figures below the headers in {}; the table ends at the first empty row (give range: to read past it)", row.text(l)),
            ),
            Sheet::TitleRow { text } => l.pick(
                format!("ô này (\"{text}\") có một hàng trống ngay bên dưới, nên bảng không có hàng số liệu nào; nếu đây là tên bảng đặt phía trên bảng, hãy ghi header_row: (hàng chứa tiêu đề các cột) hoặc range: trong tệp .yaml của bộ số liệu"),
                format!("this cell (\"{text}\") is followed by an empty row, so the table has no rows; if it is a title over the table, give header_row: (the row of the column headers) or range: in the dataset's .yaml file"),
            ),
            Sheet::NamelessHeader { text } => l.pick(
                format!("tiêu đề \"{text}\" không có chữ hay số nào để đặt tên cho cột; hãy viết tên vào đó, hoặc đặt tên cho cột bằng columns: trong tệp .yaml của bộ số liệu"),
                format!("the header \"{text}\" has no letters or digits to name the column by; write a name there, or give the column one with columns: in the dataset's .yaml file"),
            ),
            Sheet::NoHeader { header_row } => l.pick(
                format!("ô này có giá trị nhưng cột của nó không có tiêu đề ở {}; hãy viết tiêu đề vào đó, hoặc nếu tiêu đề nằm ở hàng khác (có một hàng tên bảng phía trên), hãy ghi header_row: hoặc range: trong tệp .yaml của bộ số liệu", header_row.text(l)),
                format!("this cell has a value, but its column has no header in {}; write a header there, or, if the headers are in another row (a title row above them), give header_row: or range: in the dataset's .yaml file", header_row.text(l)),
            ),
            Sheet::SameName { first, id } => l.pick(
                format!("tiêu đề ở đây và ở {} cùng cho tên cột `{id}`; hãy sửa cho khác nhau, hoặc đặt tên riêng cho một cột bằng columns: {{ ten-khac: {{ header: … }} }} trong tệp .yaml của bộ số liệu", first.text(l)),
                format!("the headers here and in {} both give the column name `{id}`; make them differ, or give one a name of its own with columns: {{ other: {{ header: … }} }} in the dataset's .yaml file", first.text(l)),
            ),
            Sheet::NotANumber { text, site } => {
                let hint = match (l, site) {
                    (Lang::Vi, Lang::Vi) => "hãy viết số như 7314, 7.314, 1.234,5 hoặc 57,6% (trang tiếng Việt dùng dấu phẩy trước phần thập phân), hoặc để trống ô khi không có số liệu",
                    (Lang::Vi, Lang::En) => "hãy viết số như 7314, 7,314, 1,234.5 hoặc 57.6% (trang tiếng Anh dùng dấu chấm trước phần thập phân), hoặc để trống ô khi không có số liệu",
                    (Lang::En, Lang::Vi) => "write figures like 7314, 7.314, 1.234,5 or 57,6% (a comma before decimals on a Vietnamese site), or leave the cell empty when there is no figure",
                    (Lang::En, Lang::En) => "write figures like 7314, 7,314, 1,234.5 or 57.6% (a dot before decimals on an English site), or leave the cell empty when there is no figure",
                };
                l.pick(
                    format!("\"{text}\" không phải là số; {hint}"),
                    format!("\"{text}\" is not a number; {hint}"),
                )
            }
            Sheet::FailedFormula { error } => l.pick(
                format!("kết quả của công thức là lỗi {error}; hãy sửa công thức trong bảng tính, hoặc xóa nội dung ô"),
                format!("the formula's result is the error {error}; correct the formula in the workbook, or clear the cell"),
            ),
            Sheet::NoCachedResult => l.pick(
                "công thức chưa có kết quả được lưu (tệp do một chương trình tạo ra và chưa từng được mở); hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại để lưu kết quả",
                "the formula has no saved result (the file was written by a program and never opened); open the file in Excel or LibreOffice and save it, so the results are stored",
            ).into(),
            Sheet::MoreErrors { n } => l.pick(
                format!("… và {n} ô khác có lỗi tương tự"),
                format!("… and {n} more cells like these"),
            ),
            Sheet::UnknownColumn { key, have } => l.pick(
                format!("columns: `{key}` không phải là cột của trang tính; các cột của trang tính: {}", list(have, l)),
                format!("columns: `{key}` is not a column of the sheet; the sheet's columns are: {}", have.join(", ")),
            ),
            Sheet::UnknownHeader { header, have } => {
                let quoted = have.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(", ");
                l.pick(
                    format!("columns: không có cột nào có tiêu đề \"{header}\"; các tiêu đề là: {quoted}"),
                    format!("columns: no column has the header \"{header}\"; the headers are: {quoted}"),
                )
            }
            Sheet::RenamedTwice { id } => l.pick(
                format!("columns: hai cột của trang tính sẽ cùng có tên `{id}`; hãy đặt tên khác cho một cột"),
                format!("columns: two columns of the sheet would be named `{id}`; give one of them another name"),
            ),
            Sheet::BadRange { text } => l.pick(
                format!("range: `{text}` không phải là một vùng ô; hãy viết như A3:F20"),
                format!("range: `{text}` is not a range of cells; write it like A3:F20"),
            ),
            Sheet::HeaderOutsideRange { row } => l.pick(
                format!("header_row: hàng {row} nằm ngoài vùng range:; hàng tiêu đề phải nằm trong vùng đó"),
                format!("header_row: row {row} is outside range:; the header row must be inside the range"),
            ),
            Sheet::SheetInCsv => l.pick(
                "sheet: tệp CSV không có trang tính; hãy xóa mục sheet:",
                "sheet: a CSV file has no sheets; remove sheet:",
            ).into(),
            Sheet::TwoDatasets { a, b, id } => l.pick(
                format!("{a} và {b} là hai bộ số liệu cùng mã `{id}`; hãy giữ một tệp (tệp .yaml đặt cạnh bảng tính chỉ mô tả bảng tính: hãy xóa mục rows: của nó)"),
                format!("{a} and {b} are two datasets with the same id `{id}`; keep one of them (a .yaml beside a sheet describes the sheet: remove its rows:)"),
            ),
            Sheet::InColumn { column, problem } => l.pick(
                format!("cột {column}: {}", problem.text(l)),
                format!("column {column}: {}", problem.text(l)),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_is_said_in_both_languages() {
        let s = || "x".to_string();
        let all = [
            Sheet::PasswordOrDisguised { ext: s() },
            Sheet::Password,
            Sheet::UnreadableWorkbook { ext: s(), why: s() },
            Sheet::UnreadableSheet { sheet: s(), why: s() },
            Sheet::NoSheets,
            Sheet::UnknownSheet { asked: Asked::Number(3), names: vec![s()] },
            Sheet::TooManyCells { max: 5 },
            Sheet::TooManyRows { max: 5 },
            Sheet::FileTooLarge { size_mb: "3.0".into(), max_mb: 2 },
            Sheet::CsvNotUtf8,
            Sheet::BadCsv { why: s() },
            Sheet::EmptySheet { sheet: None },
            Sheet::EmptyHeaderRow { row: Spot::Row(3) },
            Sheet::NoRows { row: Spot::Line(3) },
            Sheet::TitleRow { text: s() },
            Sheet::NamelessHeader { text: s() },
            Sheet::NoHeader { header_row: Spot::Row(1) },
            Sheet::SameName { first: Spot::Cell("A1".into()), id: s() },
            Sheet::NotANumber { text: s(), site: Lang::Vi },
            Sheet::FailedFormula { error: "#DIV/0!".into() },
            Sheet::NoCachedResult,
            Sheet::MoreErrors { n: 4 },
            Sheet::UnknownColumn { key: s(), have: vec![s()] },
            Sheet::UnknownHeader { header: s(), have: vec![s()] },
            Sheet::RenamedTwice { id: s() },
            Sheet::BadRange { text: s() },
            Sheet::HeaderOutsideRange { row: 2 },
            Sheet::SheetInCsv,
            Sheet::TwoDatasets { a: s(), b: s(), id: s() },
            Sheet::InColumn { column: "B".into(), problem: Box::new(Sheet::NoCachedResult) },
        ];
        crate::diagnostic::msg::says_both(all);
    }
}
