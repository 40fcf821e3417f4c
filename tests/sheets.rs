//! Spreadsheet and CSV datasets: workbooks are written in code with
//! rust_xlsxwriter, put in `content/data/` of the minimal site, and the pages
//! (or the exact error lines) are checked as an editor would read them.

mod common;
#[path = "sheets/ods.rs"]
mod ods;
#[path = "sheets/xls.rs"]
mod xls;

use common::{main_of, Site};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};

/// Fills one sheet.
type Fill<'a> = &'a dyn Fn(&mut Worksheet);

/// A workbook of the named sheets, each filled by its function, as bytes.
fn workbook(sheets: &[(&str, Fill)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, fill) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).expect("sheet name");
        fill(ws);
    }
    wb.save_to_buffer().expect("workbook bytes")
}

/// The office's sheet: a merged title row, a blank row, headers in row 3,
/// figures as numbers and as Vietnamese text, an empty cell, a formula with
/// its saved result, and dates.
fn report(ws: &mut Worksheet) {
    let bold = Format::new().set_bold();
    ws.merge_range(0, 0, 0, 4, "KẾT QUẢ KẾT NẠP ĐẢNG VIÊN", &bold)
        .unwrap();
    for (c, h) in [
        "Năm",
        "Kết nạp",
        "Chỉ tiêu (người)",
        "Tỷ lệ đạt",
        "Ngày báo cáo",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_number(3, 0, 2021).unwrap();
    ws.write_string(3, 1, "7.314").unwrap();
    ws.write_number(3, 2, 8000).unwrap();
    ws.write_string(3, 3, "91,4%").unwrap();
    let d = ExcelDateTime::from_ymd(2022, 1, 15).unwrap();
    ws.write_datetime_with_format(3, 4, &d, &date).unwrap();
    ws.write_number(4, 0, 2022).unwrap();
    ws.write_number(4, 1, 7950).unwrap();
    ws.write_string(4, 2, "8.120").unwrap();
    ws.write_string(4, 3, "97,9 %").unwrap();
    ws.write_number(5, 0, 2023).unwrap();
    ws.write_formula(5, 1, Formula::new("=B5+250").set_result("8200"))
        .unwrap();
    // C6 and D6 are left empty: no target that year.
}

/// The article's page (its slug comes from its title).
const ARTICLE_URL: &str = "/tin-tuc/ket-nap-dang-vien-theo-nam/";

const SIDECAR: &str = "title: Kết quả kết nạp theo năm\nsource: Ban Tổ chức Tỉnh ủy\nheader_row: 3\ncolumns:\n  nam: { label: Năm }\n  value: { header: \"Kết nạp\", unit: đảng viên }\n";

const ARTICLE: &str = "---\ntitle: Kết nạp đảng viên theo năm\ndate: 2023-03-01\ncategory: Xây dựng Đảng\n---\nSố liệu từ bảng tính của Văn phòng.\n\n```chart\ntype: bar\ntitle: Kết nạp so với chỉ tiêu\ndata: ket-qua\nx: nam\ny: [value, chi-tieu-nguoi]\n```\n\n```table\ndata: ket-qua\n```\n";

fn site_with(files: &[(&str, Vec<u8>)]) -> Site {
    let site = Site::new("minimal");
    for (rel, bytes) in files {
        site.write(rel, bytes);
    }
    site
}

#[test]
fn a_workbook_becomes_a_chart_and_a_table() {
    let site = site_with(&[
        (
            "content/data/ket-qua.xlsx",
            workbook(&[("Tổng hợp", &report)]),
        ),
        ("content/data/ket-qua.yaml", SIDECAR.into()),
        ("content/articles/so-lieu.md", ARTICLE.into()),
    ]);
    let run = site.build(&[]).ok();
    let page = run.page(ARTICLE_URL);
    let main = main_of(&page);
    // The chart's own table: text figures read, the formula's saved result, a gap for 2023's target.
    assert!(
        main.contains(
            r#"<th scope="row">2021</th><td class="num">7.314</td><td class="num">8.000</td>"#
        ),
        "{main}"
    );
    assert!(
        main.contains(
            r#"<th scope="row">2023</th><td class="num">8.200</td><td class="num">–</td>"#
        ),
        "{main}"
    );
    // The table block: headers from the sheet, units from the sidecar, % kept, dates as dates.
    assert!(main.contains("Kết nạp (đảng viên)"), "{main}");
    assert!(main.contains("Chỉ tiêu (người)"), "{main}");
    assert!(main.contains("Tỷ lệ đạt (%)"), "{main}");
    assert!(main.contains("91,4"), "{main}");
    assert!(main.contains("2022-01-15"), "{main}");
    // The dataset has its page with the sidecar's title and source.
    let ds = run.main("/so-lieu/ket-qua/");
    assert!(ds.contains("Kết quả kết nạp theo năm"), "{ds}");
    assert!(ds.contains("Ban Tổ chức Tỉnh ủy"), "{ds}");
}

#[test]
fn a_second_sheet_by_name_or_number_and_a_range() {
    let notes = |ws: &mut Worksheet| {
        ws.write_string(0, 0, "Ghi chú").unwrap();
    };
    let side = "sheet: 2\nrange: A3:C5\n";
    let site = site_with(&[
        (
            "content/data/ket-qua.xlsx",
            workbook(&[("Ghi chú", &notes), ("Tổng hợp", &report)]),
        ),
        ("content/data/ket-qua.yaml", side.into()),
        (
            "content/articles/so-lieu.md",
            ARTICLE
                .replace("y: [value, chi-tieu-nguoi]", "y: [ket-nap]")
                .into(),
        ),
    ]);
    let run = site.build(&[]).ok();
    let main = run.main(ARTICLE_URL);
    assert!(
        main.contains(r#"<th scope="row">2022</th><td class="num">7.950</td>"#),
        "{main}"
    );
    // range: stops at column C: no "Tỷ lệ đạt" column.
    assert!(!main.contains("Tỷ lệ đạt"), "{main}");
    // Without a title the dataset is named by its file.
    assert!(run.main("/so-lieu/ket-qua/").contains("ket-qua"));
    let by_name = site_with(&[
        (
            "content/data/ket-qua.xlsx",
            workbook(&[("Ghi chú", &notes), ("Tổng hợp", &report)]),
        ),
        (
            "content/data/ket-qua.yaml",
            "sheet: Tổng hợp\nheader_row: 3\n".into(),
        ),
        (
            "content/articles/so-lieu.md",
            ARTICLE
                .replace("y: [value, chi-tieu-nguoi]", "y: [ket-nap]")
                .into(),
        ),
    ]);
    by_name.build(&[]).ok();
}

#[test]
fn a_csv_with_bom_semicolons_quotes_and_windows_line_ends() {
    let csv = "\u{feff}Năm;\"Kết nạp\";Chỉ tiêu\r\n2021;\"7.314\";8.000\r\n2022;7.950;\r\n";
    let site = site_with(&[
        ("content/data/ket-qua.csv", csv.into()),
        (
            "content/articles/so-lieu.md",
            ARTICLE
                .replace("y: [value, chi-tieu-nguoi]", "y: [ket-nap, chi-tieu]")
                .into(),
        ),
    ]);
    let main = site.build(&[]).ok().main(ARTICLE_URL);
    assert!(
        main.contains(
            r#"<th scope="row">2021</th><td class="num">7.314</td><td class="num">8.000</td>"#
        ),
        "{main}"
    );
    assert!(
        main.contains(
            r#"<th scope="row">2022</th><td class="num">7.950</td><td class="num">–</td>"#
        ),
        "{main}"
    );
}

#[test]
fn english_sites_read_english_figures() {
    let csv = "Year,Share\n2021,57.6%\n2022,\"1,234.5\"\n";
    let site = site_with(&[("content/data/ty-le.csv", csv.into())]);
    site.edit("content/site.yaml", |s| {
        s.replace("language: vi", "language: en")
    });
    let run = site.build(&[]).ok();
    let ds = run.main("/so-lieu/ty-le/");
    assert!(ds.contains("57.6"), "{ds}");
    assert!(ds.contains("1,234.5"), "{ds}");
}

/// Builds once fine, then with `files`; returns stderr after checking the
/// build failed with 1 and left the first output as it was.
fn fails_with(files: &[(&str, Vec<u8>)]) -> String {
    fails_with_args(files, &[])
}

/// [`fails_with`], with `extra` arguments to the failing build.
fn fails_with_args(files: &[(&str, Vec<u8>)], extra: &[&str]) -> String {
    let site = Site::new("minimal");
    let good = site.build(&[]).ok();
    let before = good.files();
    for (rel, bytes) in files {
        site.write(rel, bytes);
    }
    let run = site.build(extra);
    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.files(), before, "the output changed");
    run.stderr
}

fn has_line(stderr: &str, line: &str) {
    assert!(
        stderr.lines().any(|l| l == line),
        "expected the line\n{line}\nin\n{stderr}"
    );
}

const VI_HINT: &str = "write figures like 7314, 7.314, 1.234,5 or 57,6% (a comma before decimals on a Vietnamese site), or leave the cell empty when there is no figure";

#[test]
fn every_sheet_error_of_a_build_is_reported_with_its_place() {
    let bad_cell = |ws: &mut Worksheet| {
        report(ws);
        ws.write_string(6, 0, 2024.to_string()).unwrap();
        ws.write_string(6, 2, "bảy").unwrap();
    };
    let unknown = "sheet: Tong\n";
    let side = "header_row: 3\n";
    let stderr = fails_with(&[
        (
            "content/data/ket-qua.xlsx",
            workbook(&[("Tổng hợp", &bad_cell)]),
        ),
        ("content/data/ket-qua.yaml", side.into()),
        (
            "content/data/hai.xlsx",
            workbook(&[("Tổng hợp", &report), ("Ghi chú", &report)]),
        ),
        ("content/data/hai.yaml", unknown.into()),
        (
            "content/data/cu.csv",
            b"Nam,K\xEAt n\xE1p\r\n2021,5\r\n".to_vec(),
        ),
        (
            "content/data/hong.xlsx",
            b"PK\x03\x04 not really a zip".to_vec(),
        ),
        (
            "content/data/mat-khau.xlsx",
            [
                &[0xD0u8, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..],
                &[0u8; 504],
            ]
            .concat(),
        ),
        (
            "content/data/trong.xlsx",
            workbook(&[("Trống", &|_: &mut Worksheet| {})]),
        ),
        ("content/data/ket-nap.csv", b"org,value\ntinh,5\n".to_vec()),
    ]);
    has_line(
        &stderr,
        &format!("content/data/ket-qua.xlsx: sheet \"Tổng hợp\", cell C7: \"bảy\" is not a number; {VI_HINT}"),
    );
    has_line(&stderr, "content/data/hai.yaml:1: there is no sheet \"Tong\"; the workbook has: 1 \"Tổng hợp\", 2 \"Ghi chú\"");
    has_line(&stderr, "content/data/cu.csv:1: the file is not UTF-8 text (it looks saved as Windows-1258 or Windows-1252, which break Vietnamese letters); in Excel choose File › Save As › \"CSV UTF-8\", in LibreOffice tick \"Edit filter settings\" and choose \"Unicode (UTF-8)\"");
    assert!(
        stderr.lines().any(|l| l.starts_with("content/data/hong.xlsx: the file cannot be read as a .xlsx workbook (")
            && l.ends_with("); it may be damaged or of another kind: open it in Excel or LibreOffice and save it again as .xlsx")),
        "{stderr}"
    );
    has_line(&stderr, "content/data/mat-khau.xlsx: the workbook is protected by a password (or is an old .xls file named .xlsx); remove the password in Excel (File › Info › Protect Workbook) or LibreOffice (File › Properties › Security) and save it again");
    has_line(&stderr, "content/data/trong.xlsx: sheet \"Trống\" has no filled cells; put the table there, or choose another sheet with sheet: in the dataset's .yaml file");
    has_line(&stderr, "content/data/ket-nap.yaml:8: content/data/ket-nap.yaml and content/data/ket-nap.csv are two datasets with the same id `ket-nap`; keep one of them (a .yaml beside a sheet describes the sheet: remove its rows:)");
}

#[test]
fn a_title_row_over_the_table_is_not_guessed_away() {
    // Without header_row: the merged title in row 1 is taken as the headers.
    let stderr = fails_with(&[(
        "content/data/ket-qua.xlsx",
        workbook(&[("Tổng hợp", &report)]),
    )]);
    has_line(&stderr, "content/data/ket-qua.xlsx: sheet \"Tổng hợp\", cell A1: this cell (\"KẾT QUẢ KẾT NẠP ĐẢNG VIÊN\") is followed by an empty row, so the table has no rows; if it is a title over the table, give header_row: (the row of the column headers) or range: in the dataset's .yaml file");
}

#[test]
fn formulas_without_saved_results_and_errors_in_cells_are_named_by_cell() {
    let unsaved = |ws: &mut Worksheet| {
        ws.set_formula_result_default("");
        ws.write_string(0, 0, "Năm").unwrap();
        ws.write_string(0, 1, "Kết nạp").unwrap();
        ws.write_number(1, 0, 2021).unwrap();
        ws.write_number(1, 1, 10).unwrap();
        ws.write_number(2, 0, 2022).unwrap();
        ws.write_formula(2, 1, "=B2*2").unwrap();
        ws.write_number(3, 0, 2023).unwrap();
        ws.write_formula(3, 1, Formula::new("=B2/0").set_result("#DIV/0!"))
            .unwrap();
    };
    let csv = "Năm,Kết nạp\n2021,10\n2022,\"mười, hai\"\n2023,12\n";
    let stderr = fails_with(&[
        ("content/data/tinh.xlsx", workbook(&[("Sheet1", &unsaved)])),
        ("content/data/tep.csv", csv.into()),
    ]);
    has_line(&stderr, "content/data/tinh.xlsx: sheet \"Sheet1\", cell B3: the formula has no saved result (the file was written by a program and never opened); open the file in Excel or LibreOffice and save it, so the results are stored");
    has_line(&stderr, "content/data/tinh.xlsx: sheet \"Sheet1\", cell B4: the formula's result is the error #DIV/0!; correct the formula in the workbook, or clear the cell");
    has_line(
        &stderr,
        &format!("content/data/tep.csv:3: column B: \"mười, hai\" is not a number; {VI_HINT}"),
    );
    // The same cells, in Vietnamese.
    let stderr = fails_with_args(
        &[
            ("content/data/tinh.xlsx", workbook(&[("Sheet1", &unsaved)])),
            ("content/data/tep.csv", csv.into()),
        ],
        &["--lang", "vi", "--message-format", "short"],
    );
    has_line(&stderr, "content/data/tinh.xlsx: trang tính \"Sheet1\", ô B4: kết quả của công thức là lỗi #DIV/0!; hãy sửa công thức trong bảng tính, hoặc xóa nội dung ô");
    assert!(
        stderr.contains("content/data/tep.csv:3: cột B: \"mười, hai\" không phải là số; hãy viết số như 7314, 7.314, 1.234,5"),
        "{stderr}"
    );
}

#[test]
fn a_chart_column_the_sheet_lacks_lists_the_sheets_columns() {
    let site = site_with(&[
        (
            "content/data/ket-qua.xlsx",
            workbook(&[("Tổng hợp", &report)]),
        ),
        ("content/data/ket-qua.yaml", SIDECAR.into()),
        (
            "content/articles/so-lieu.md",
            ARTICLE
                .replace("y: [value, chi-tieu-nguoi]", "y: [ket-nap]")
                .into(),
        ),
    ]);
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    has_line(&run.stderr, "content/articles/so-lieu.md:13:5: unknown column `ket-nap` in y; the dataset ket-qua has: nam, value, chi-tieu-nguoi, ty-le-dat, ngay-bao-cao");
    site.write(
        "content/articles/so-lieu.md",
        ARTICLE.replace("y: [value, chi-tieu-nguoi]", "y: [ngay-bao-cao]"),
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    has_line(&run.stderr, "content/data/ket-qua.xlsx: `2022-01-15` in column ngay-bao-cao is not a number: the column holds text, not figures; plot a column of figures");
}

#[test]
fn sidecar_mistakes_point_at_the_sidecar() {
    let stderr = fails_with(&[
        (
            "content/data/ket-qua.xlsx",
            workbook(&[("Tổng hợp", &report)]),
        ),
        (
            "content/data/ket-qua.yaml",
            "header_row: 3\ncolumns:\n  value: { header: \"Kết quả\" }\n  so: { unit: người }\n"
                .into(),
        ),
        ("content/data/b.xlsx", workbook(&[("Tổng hợp", &report)])),
        ("content/data/b.yaml", "range: A3-F20\n".into()),
    ]);
    has_line(&stderr, "content/data/ket-qua.yaml:3: columns: no column has the header \"Kết quả\"; the headers are: \"Năm\", \"Kết nạp\", \"Chỉ tiêu (người)\", \"Tỷ lệ đạt\", \"Ngày báo cáo\"");
    has_line(&stderr, "content/data/ket-qua.yaml:4: columns: `so` is not a column of the sheet; the sheet's columns are: nam, ket-nap, chi-tieu-nguoi, ty-le-dat, ngay-bao-cao");
    has_line(
        &stderr,
        "content/data/b.yaml:1: range: `A3-F20` is not a range of cells; write it like A3:F20",
    );
}

#[test]
fn a_sheet_down_to_the_last_row_is_bounded_not_read_whole() {
    // Cells at the first and the very last row of a sheet: the table stops at
    // the first empty row, so the far cell is not a row of it.
    let far = |ws: &mut Worksheet| {
        ws.write_string(0, 0, "Năm").unwrap();
        ws.write_string(0, 1, "Kết nạp").unwrap();
        ws.write_number(1, 0, 2021).unwrap();
        ws.write_number(1, 1, 5).unwrap();
        ws.write_number(1_048_575, 0, 1).unwrap();
    };
    let site = site_with(&[("content/data/xa.xlsx", workbook(&[("S", &far)]))]);
    let main = site.build(&[]).ok().main("/so-lieu/xa/");
    assert!(main.contains("2021"), "{main}");
    // With range: to the last row, every filled row is read.
    site.write("content/data/xa.yaml", "range: A1:B1048576\n");
    let main = site.build(&[]).ok().main("/so-lieu/xa/");
    assert!(main.contains(r#"<td class="num">1</td>"#), "{main}");
}

#[test]
fn saving_the_workbook_in_serve_redraws_the_pages_that_use_it() {
    use trangtin::serve::session::{ServeOptions, Session};
    let site = site_with(&[
        (
            "content/data/ket-qua.xlsx",
            workbook(&[("Tổng hợp", &report)]),
        ),
        ("content/data/ket-qua.yaml", SIDECAR.into()),
        ("content/articles/so-lieu.md", ARTICLE.into()),
    ]);
    let work = tempfile::tempdir().unwrap();
    let served = work.path().join("served");
    let mut session = Session::new(ServeOptions {
        root: site.root.clone(),
        output: served.clone(),
        drafts: false,
        base_url: "http://127.0.0.1:1111/".to_string(),
    });
    assert!(session.full().errors.is_none());
    let before = common::list_files(&served);
    let changed = |ws: &mut Worksheet| {
        report(ws);
        ws.write_string(3, 1, "7.400").unwrap();
    };
    site.write(
        "content/data/ket-qua.xlsx",
        workbook(&[("Tổng hợp", &changed)]),
    );
    let outcome = session.apply(&[std::path::PathBuf::from("content/data/ket-qua.xlsx")]);
    assert!(outcome.errors.is_none(), "{:?}", outcome.errors);
    let after = common::list_files(&served);
    let page = String::from_utf8_lossy(&after["tin-tuc/ket-nap-dang-vien-theo-nam/index.html"])
        .into_owned();
    assert!(
        page.contains(r#"<th scope="row">2021</th><td class="num">7.400</td>"#),
        "{page}"
    );
    let rewritten: Vec<&String> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        !rewritten.iter().any(|k| *k == "index.html"),
        "the home page does not show the sheet: {rewritten:?}"
    );
    assert!(
        rewritten.iter().any(|k| k.starts_with("so-lieu/ket-qua/")),
        "{rewritten:?}"
    );
}
