//! How long reading a spreadsheet dataset takes: a 10,000-row sheet as .xlsx,
//! as .csv, and the same table as a YAML dataset (the peer), each read through
//! the loader the build uses; and calamine alone walking the .xlsx's cells,
//! the floor under ours. `cargo bench --bench sheets`; BENCH_ROWS and
//! BENCH_RUNS change the size and the number of runs (medians are printed),
//! BENCH_ONLY=xlsx (or csv, yaml) times one kind, for a profiler.

#[path = "support/mod.rs"]
mod support;

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use rust_xlsxwriter::Workbook;
use support::{env_or, median, scratch};
use trangtin::load::data::datasets;
use trangtin::text::Lang;

const HEADERS: [&str; 5] = ["Đơn vị", "Năm", "Kết nạp", "Chỉ tiêu (người)", "Tỷ lệ"];

/// One row's cells: a label, a year, two figures (one typed as text) and a share.
fn row(i: usize) -> (String, f64, f64, String, String) {
    let value = 100.0 + (i % 900) as f64;
    let target = 1000 + i % 9000;
    (
        format!("Chi bộ số {i}"),
        (2000 + i % 25) as f64,
        value,
        format!("{}.{:03}", target / 1000, target % 1000),
        format!("{},{}%", i % 100, i % 10),
    )
}

fn write_xlsx(path: &Path, rows: usize) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..rows {
        let (org, year, value, target, share) = row(i);
        let r = i as u32 + 1;
        ws.write_string(r, 0, org).unwrap();
        ws.write_number(r, 1, year).unwrap();
        ws.write_number(r, 2, value).unwrap();
        ws.write_string(r, 3, target).unwrap();
        ws.write_string(r, 4, share).unwrap();
    }
    wb.save(path).unwrap();
}

fn write_csv(path: &Path, rows: usize) {
    let mut out = HEADERS.join(";");
    out.push_str("\r\n");
    for i in 0..rows {
        let (org, year, value, target, share) = row(i);
        let _ = write!(out, "{org};{year};{value};{target};{share}\r\n");
    }
    std::fs::write(path, out).unwrap();
}

fn write_yaml(path: &Path, rows: usize) {
    let mut out = String::from("title: Kết nạp\nrows:\n");
    for i in 0..rows {
        let (org, year, value, target, share) = row(i);
        let target = target.replace('.', "");
        let share = share.trim_end_matches('%').replace(',', ".");
        let _ = writeln!(
            out,
            "  - {{ don-vi: \"{org}\", nam: {year}, ket-nap: {value}, chi-tieu-nguoi: {target}, ty-le: {share} }}"
        );
    }
    std::fs::write(path, out).unwrap();
}

/// The median time to read the one dataset of the site at `root`.
fn time_read(root: &Path, runs: usize, rows: usize) -> Duration {
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let (sets, _, errors) = datasets(root, Lang::Vi);
            let took = start.elapsed();
            assert!(errors.is_empty(), "{errors}");
            assert_eq!(sets[0].rows.len(), rows);
            took
        })
        .collect();
    median(times)
}

/// The median time calamine alone takes to open the .xlsx and walk every
/// cell of its first sheet, keeping nothing: what reading costs before our
/// conversion to a dataset.
fn time_calamine(file: &Path, runs: usize) -> Duration {
    use calamine::{Reader, Xlsx};
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let bytes = std::fs::read(file).unwrap();
            let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
            let name = wb.sheet_names()[0].clone();
            let mut cells = wb.worksheet_cells_reader(&name).unwrap();
            let mut n = 0usize;
            while cells.next_cell_with_formula_metadata().unwrap().is_some() {
                n += 1;
            }
            let took = start.elapsed();
            assert!(n > 0);
            took
        })
        .collect();
    median(times)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Writes a dataset file of so many rows.
type Writer = fn(&Path, usize);

fn main() {
    let rows = env_or("BENCH_ROWS", 10_000);
    let runs = env_or("BENCH_RUNS", 11).max(1);
    let dir = scratch("trangtin-sheets-");
    let kinds: [(&str, Writer); 3] = [
        ("xlsx", write_xlsx),
        ("csv", write_csv),
        ("yaml", write_yaml),
    ];
    let only = std::env::var("BENCH_ONLY").ok();
    println!("reading a {rows}-row dataset, median of {runs} runs:");
    for (ext, write) in kinds {
        if only.as_deref().is_some_and(|o| o != ext) {
            continue;
        }
        let root = dir.path().join(ext);
        let data = root.join("content/data");
        std::fs::create_dir_all(&data).unwrap();
        let file = data.join(format!("ket-nap.{ext}"));
        write(&file, rows);
        let size = std::fs::metadata(&file).map_or(0, |m| m.len());
        let took = time_read(&root, runs, rows);
        println!(
            "  .{ext:<5} {:>8.1} ms  ({:.0} kB)",
            ms(took),
            size as f64 / 1000.0
        );
        if ext == "xlsx" {
            let floor = time_calamine(&file, runs);
            println!("  calamine alone on the .xlsx {:>6.1} ms", ms(floor));
        }
    }
}
