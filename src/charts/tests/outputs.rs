//! Tables, descriptions and CSV: numbers for readers in their language.

use super::chart;
use crate::charts::{describe, table, to_csv};
use crate::text::Lang;

const BASE: &str = "title: Kết nạp đảng viên mới so với chỉ tiêu\ntype: bar\ndata: ket-nap-dang-vien\nfilter: { org: tinh }\nx: year\ny: [value, target]\nunit: đảng viên\n";

#[test]
fn table_formats_numbers_per_language() {
    let d = chart(BASE).unwrap();
    let vi = table(&d, Lang::Vi);
    assert_eq!(
        vi.headers,
        ["Năm", "Kết nạp (đảng viên)", "Chỉ tiêu (đảng viên)"]
    );
    assert_eq!(vi.rows[2], ["2021", "7.314", "7.200"]);
    let en = table(&d, Lang::En);
    assert_eq!(en.rows[2], ["2021", "7,314", "7,200"]);
}

#[test]
fn progress_table_has_the_share_of_target() {
    let d = chart("title: T\ntype: progress\nlabels: [Kết nạp, Chỉ tiêu]\ndata:\n  - [Kết nạp 2015–2020, 639, 597]\n  - [Năm 2021, 100, 120]\n").unwrap();
    let t = table(&d, Lang::Vi);
    assert_eq!(t.headers, ["Danh mục", "Kết nạp", "Chỉ tiêu", "% chỉ tiêu"]);
    assert_eq!(t.rows[0], ["Kết nạp 2015–2020", "639", "597", "107%"]);
    assert_eq!(t.rows[1][3], "83,3%");
    assert_eq!(table(&d, Lang::En).rows[1][3], "83.3%");
}

#[test]
fn pie_table_has_shares_and_percent_units() {
    let d = chart("title: T\ntype: pie\nunit: \"%\"\ndata:\n  - [Dưới 30 tuổi, 58.73]\n  - [Trên 30 tuổi, 41.27]\n").unwrap();
    let t = table(&d, Lang::Vi);
    assert_eq!(t.headers, ["Danh mục", "Giá trị"]);
    assert_eq!(t.rows[0], ["Dưới 30 tuổi", "58,73%"]);
    let d = chart("title: T\ntype: donut\ndata:\n  - [Nam, 3000]\n  - [Nữ, 1000]\n").unwrap();
    assert_eq!(table(&d, Lang::En).rows[0], ["Nam", "3,000", "75%"]);
}

#[test]
fn descriptions_state_the_numbers() {
    let d = chart(BASE).unwrap();
    assert_eq!(
        describe(&d, Lang::Vi),
        "Biểu đồ cột: Kết nạp đảng viên mới so với chỉ tiêu. 2019: Kết nạp 6.890, Chỉ tiêu 7.000; 2020: Kết nạp 7.120, Chỉ tiêu 7.000; 2021: Kết nạp 7.314, Chỉ tiêu 7.200; 2022: Kết nạp 7.950, Chỉ tiêu 8.120; 2023: Kết nạp 8.012, Chỉ tiêu 8.000. Đơn vị: đảng viên."
    );
    assert!(describe(&d, Lang::En).starts_with(
        "Bar chart: Kết nạp đảng viên mới so với chỉ tiêu. 2019: Kết nạp 6,890, Chỉ tiêu 7,000;"
    ));
    let p = chart("title: Kết nạp\ntype: progress\ndata:\n  - [2015–2020, 639, 597]\n").unwrap();
    assert_eq!(
        describe(&p, Lang::Vi),
        "Biểu đồ tiến độ so với chỉ tiêu: Kết nạp. 2015–2020: 639, chỉ tiêu 597 (107%, vượt chỉ tiêu)."
    );
    let pie =
        chart("title: Giới tính\ntype: pie\ndata:\n  - [Nam, 3000]\n  - [Nữ, 1000]\n").unwrap();
    assert_eq!(
        describe(&pie, Lang::En),
        "Pie chart: Giới tính. Nam: 3,000 (75%); Nữ: 1,000 (25%)."
    );
}

#[test]
fn editor_description_wins() {
    let d = chart(&format!(
        "{BASE}description: Số kết nạp tăng đều qua các năm.\n"
    ))
    .unwrap();
    assert_eq!(describe(&d, Lang::Vi), "Số kết nạp tăng đều qua các năm.");
}

#[test]
fn csv_is_machine_readable() {
    let d = chart(BASE).unwrap();
    let csv = to_csv(&d);
    assert!(
        csv.starts_with("\u{feff}Năm,Kết nạp,Chỉ tiêu\r\n2019,6890,7000\r\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 6);
}
