//! Writes the sample site's workbook, `content/data/ket-qua-ket-nap-tinh.xlsx`,
//! laid out the way a committee office keeps it: a title over the table, a
//! header row with units, figures partly typed as text (`14.866`, `54,4%`),
//! and a total row. Run: `cargo run --example sample_workbook [OUT]`.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

fn main() -> Result<(), XlsxError> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "content/data/ket-qua-ket-nap-tinh.xlsx".to_string());
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let ws = wb.add_worksheet();
    ws.set_name("Tổng hợp")?;
    ws.merge_range(
        0,
        0,
        0,
        3,
        "CƠ CẤU ĐẢNG VIÊN MỚI KẾT NẠP TỪ ĐẦU NHIỆM KỲ 2020–2025",
        &title,
    )?;
    ws.write_string(1, 0, "(Đảng bộ tỉnh, đến tháng 11/2022)")?;
    let headers = ["STT", "Nhóm đảng viên mới", "Số đảng viên (người)", "Tỷ lệ"];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *h, &bold)?;
    }
    // Figures as the office typed them: some numbers, some text copied from a report.
    let rows: [(&str, &str, &str); 4] = [
        ("Đoàn viên thanh niên", "14.866", "63%"),
        ("Nữ", "12.839", "54,4%"),
        ("Người dân tộc thiểu số", "4.174", "17,7%"),
        ("Người theo tôn giáo", "520", "2,2%"),
    ];
    for (i, (group, count, share)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, *group)?;
        ws.write_string(r, 2, *count)?;
        ws.write_string(r, 3, *share)?;
    }
    ws.write_string_with_format(8, 1, "Tổng số đảng viên mới", &bold)?;
    ws.write_number_with_format(8, 2, 23596.0, &bold)?;
    ws.write_string(10, 1, "Ghi chú: một đảng viên có thể thuộc nhiều nhóm.")?;
    ws.set_column_width(1, 28)?;
    ws.set_column_width(2, 20)?;
    wb.save(&out)?;
    println!("wrote {out}");
    Ok(())
}
