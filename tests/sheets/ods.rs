//! OpenDocument workbooks (.ods, as LibreOffice saves them) written in code:
//! an .ods is a zip whose first entry is `mimetype`, stored, then
//! `META-INF/manifest.xml` and `content.xml` with the sheets.

use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{fails_with, has_line, site_with, ARTICLE, ARTICLE_URL, VI_HINT};

/// One cell the way LibreOffice writes it.
#[derive(Clone, Copy)]
pub enum C<'a> {
    Num(f64),
    Text(&'a str),
    Empty,
    Date(&'a str),
    /// A formula and the result saved with it.
    Formula(&'a str, f64),
    /// A formula whose saved result is an error such as `#DIV/0!`.
    Error(&'a str, &'a str),
    /// A title merged over `n` columns (the cells it covers follow it).
    Merged(&'a str, usize),
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

fn cell(c: C) -> String {
    const CELL: &str = "table:table-cell";
    match c {
        C::Num(n) => format!(
            r#"<{CELL} office:value-type="float" office:value="{n}" calcext:value-type="float"><text:p>{n}</text:p></{CELL}>"#
        ),
        C::Text(t) => format!(
            r#"<{CELL} office:value-type="string" calcext:value-type="string"><text:p>{}</text:p></{CELL}>"#,
            escape(t)
        ),
        C::Empty => format!("<{CELL}/>"),
        C::Date(d) => format!(
            r#"<{CELL} office:value-type="date" office:date-value="{d}" calcext:value-type="date"><text:p>{d}</text:p></{CELL}>"#
        ),
        C::Formula(f, v) => format!(
            r#"<{CELL} table:formula="of:={}" office:value-type="float" office:value="{v}" calcext:value-type="float"><text:p>{v}</text:p></{CELL}>"#,
            escape(f)
        ),
        C::Error(f, e) => format!(
            r#"<{CELL} table:formula="of:={}" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>{e}</text:p></{CELL}>"#,
            escape(f)
        ),
        C::Merged(t, n) => format!(
            r#"<{CELL} table:number-columns-spanned="{n}" table:number-rows-spanned="1" office:value-type="string" calcext:value-type="string"><text:p>{}</text:p></{CELL}><table:covered-table-cell table:number-columns-repeated="{}"/>"#,
            escape(t),
            n - 1
        ),
    }
}

/// `content.xml` of the named sheets. Like LibreOffice, each sheet ends with
/// one row repeated down to the sheet's last row.
fn content(sheets: &[(&str, Vec<Vec<C>>)]) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
        r#"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#,
        r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#,
        r#"xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" "#,
        r#"office:version="1.3"><office:body><office:spreadsheet>"#
    ));
    for (name, rows) in sheets {
        out.push_str(&format!(
            r#"<table:table table:name="{}"><table:table-column table:number-columns-repeated="1024"/>"#,
            escape(name)
        ));
        for row in rows {
            out.push_str("<table:table-row>");
            out.extend(row.iter().map(|c| cell(*c)));
            out.push_str("</table:table-row>");
        }
        let rest = 1_048_576 - rows.len();
        out.push_str(&format!(
            r#"<table:table-row table:number-rows-repeated="{rest}"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#
        ));
    }
    out.push_str("</office:spreadsheet></office:body></office:document-content>");
    out
}

/// The manifest; `encrypted` marks `content.xml` as LibreOffice does for a
/// workbook saved with a password.
fn manifest(encrypted: bool) -> String {
    let entry = match encrypted {
        true => {
            r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"/></manifest:file-entry>"#
        }
        false => {
            r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>"#
        }
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>{entry}</manifest:manifest>"#
    )
}

fn zipped(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (i, (name, bytes)) in files.iter().enumerate() {
        // The mimetype comes first and uncompressed, so programs can sniff it.
        let method = match i {
            0 => CompressionMethod::Stored,
            _ => CompressionMethod::Deflated,
        };
        let options = SimpleFileOptions::default().compression_method(method);
        zip.start_file(*name, options).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// An .ods workbook of the named sheets.
pub fn ods(sheets: &[(&str, Vec<Vec<C>>)]) -> Vec<u8> {
    ods_with(sheets, false)
}

fn ods_with(sheets: &[(&str, Vec<Vec<C>>)], encrypted: bool) -> Vec<u8> {
    zipped(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", manifest(encrypted).as_bytes()),
        ("content.xml", content(sheets).as_bytes()),
    ])
}

/// The office's sheet as in the .xlsx tests: a merged title row, a blank
/// row, headers in row 3, numbers and Vietnamese number text, a formula with
/// its saved result, a date, and empty cells.
fn report() -> Vec<Vec<C<'static>>> {
    use C::*;
    vec![
        vec![Merged("KẾT QUẢ KẾT NẠP ĐẢNG VIÊN", 5)],
        vec![Empty],
        vec![
            Text("Năm"),
            Text("Kết nạp"),
            Text("Chỉ tiêu (người)"),
            Text("Tỷ lệ đạt"),
            Text("Ngày báo cáo"),
        ],
        vec![
            Num(2021.0),
            Text("7.314"),
            Num(8000.0),
            Text("91,4%"),
            Date("2022-01-15"),
        ],
        vec![Num(2022.0), Num(7950.0), Text("8.120"), Text("97,9 %")],
        vec![Num(2023.0), Formula("[.B5]+250", 8200.0), Empty, Empty],
    ]
}

fn notes() -> Vec<Vec<C<'static>>> {
    use C::*;
    vec![
        vec![Text("Đơn vị"), Text("Đảng viên")],
        vec![Text("Tam Kỳ"), Text("1.234")],
        vec![Text("Thái Hòa"), Empty],
    ]
}

const SIDECAR: &str =
    "header_row: 3\ncolumns:\n  value: { header: \"Kết nạp\", unit: đảng viên }\n";

#[test]
fn an_ods_workbook_becomes_a_chart_and_a_table() {
    let site = site_with(&[
        (
            "content/data/ket-qua.ods",
            ods(&[("Tổng hợp", report()), ("Ghi chú", notes())]),
        ),
        ("content/data/ket-qua.yaml", SIDECAR.into()),
        ("content/articles/so-lieu.md", ARTICLE.into()),
    ]);
    let run = site.build(&[]).ok();
    let main = run.main(ARTICLE_URL);
    assert!(
        main.contains(
            r#"<th scope="row">2021</th><td class="num">7.314</td><td class="num">8.000</td>"#
        ),
        "{main}"
    );
    // The formula's saved result, and a gap where 2023 has no target.
    assert!(
        main.contains(
            r#"<th scope="row">2023</th><td class="num">8.200</td><td class="num">–</td>"#
        ),
        "{main}"
    );
    assert!(main.contains("Kết nạp (đảng viên)"), "{main}");
    assert!(main.contains("Tỷ lệ đạt (%)"), "{main}");
    assert!(main.contains("97,9"), "{main}");
    assert!(main.contains("2022-01-15"), "{main}");
}

#[test]
fn the_second_sheet_of_an_ods_by_number() {
    let site = site_with(&[
        (
            "content/data/dang-vien.ods",
            ods(&[("Tổng hợp", report()), ("Ghi chú", notes())]),
        ),
        ("content/data/dang-vien.yaml", "sheet: 2\n".into()),
    ]);
    let ds = site.build(&[]).ok().main("/so-lieu/dang-vien/");
    assert!(ds.contains("Tam Kỳ"), "{ds}");
    assert!(ds.contains(r#"<td class="num">1.234</td>"#), "{ds}");
    // Thái Hòa's empty cell is a missing figure, not a zero.
    assert!(!ds.contains(r#"<td class="num">0</td>"#), "{ds}");
    assert!(ds.contains(r#"<td class="num">–</td>"#), "{ds}");
}

#[test]
fn ods_errors_name_the_sheet_and_cell() {
    let bad = || {
        let mut rows = report();
        rows.push(vec![C::Num(2024.0), C::Num(9000.0), C::Text("bảy")]);
        rows.push(vec![C::Num(2025.0), C::Error("[.B7]/0", "#DIV/0!")]);
        rows
    };
    let stderr = fails_with(&[
        ("content/data/ket-qua.ods", ods(&[("Tổng hợp", bad())])),
        ("content/data/ket-qua.yaml", SIDECAR.into()),
        (
            "content/data/khoa.ods",
            ods_with(&[("Tổng hợp", report())], true),
        ),
        (
            "content/data/hong.ods",
            b"PK\x03\x04 not really a zip".to_vec(),
        ),
    ]);
    has_line(
        &stderr,
        &format!("content/data/ket-qua.ods: sheet \"Tổng hợp\", cell C7: \"bảy\" is not a number; {VI_HINT}"),
    );
    has_line(&stderr, "content/data/ket-qua.ods: sheet \"Tổng hợp\", cell B8: the formula's result is the error #DIV/0!; correct the formula in the workbook, or clear the cell");
    has_line(&stderr, "content/data/khoa.ods: the workbook is protected by a password; remove the password in Excel (File › Info › Protect Workbook) or LibreOffice (File › Properties › Security) and save it again");
    assert!(
        stderr.lines().any(|l| l
            .starts_with("content/data/hong.ods: the file cannot be read as a .ods workbook (")),
        "{stderr}"
    );
}
