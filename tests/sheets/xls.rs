//! Old Excel workbooks (.xls, BIFF8). Writing one in Rust would take a BIFF
//! writer of our own, so these tests read one small file,
//! `tests/fixtures/sheets/ket-qua.xls`, written by xlwt from
//! `tests/fixtures/sheets/make_xls.py` (its cells are listed there).

use super::common::fixture;
use super::{fails_with, has_line, site_with, VI_HINT};

fn workbook() -> Vec<u8> {
    std::fs::read(fixture("sheets").join("ket-qua.xls")).expect("the .xls fixture")
}

#[test]
fn the_second_sheet_of_an_xls_workbook() {
    let site = site_with(&[
        ("content/data/dang-vien.xls", workbook()),
        ("content/data/dang-vien.yaml", "sheet: Ghi chú\n".into()),
    ]);
    let ds = site.build(&[]).ok().main("/so-lieu/dang-vien/");
    assert!(ds.contains("Tam Kỳ"), "{ds}");
    assert!(ds.contains(r#"<td class="num">1.234</td>"#), "{ds}");
}

#[test]
fn xls_errors_name_the_sheet_and_cell_and_a_damaged_file_is_no_panic() {
    let ole_header = [0xD0u8, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let stderr = fails_with(&[
        ("content/data/ket-qua.xls", workbook()),
        ("content/data/ket-qua.yaml", "header_row: 3\n".into()),
        (
            "content/data/hong.xls",
            [&ole_header[..], &[0u8; 504]].concat(),
        ),
        ("content/data/cut.xls", workbook()[..2048].to_vec()),
        ("content/data/rac.xls", b"not a workbook at all".to_vec()),
    ]);
    has_line(
        &stderr,
        &format!("content/data/ket-qua.xls: sheet \"Tổng hợp\", cell B6: \"bảy\" is not a number; {VI_HINT}"),
    );
    for name in ["hong", "cut", "rac"] {
        let start =
            format!("content/data/{name}.xls: the file cannot be read as a .xls workbook (");
        assert!(
            stderr.lines().any(|l| l.starts_with(&start)),
            "{name}: {stderr}"
        );
    }
}
