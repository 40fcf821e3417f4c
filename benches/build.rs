//! How long `trangtin build` takes on a generated site, against Hugo when it is
//! installed. `cargo bench --bench build` (1,000 articles, 1,000 charts).
//!
//! BENCH_ARTICLES, BENCH_CHARTS and BENCH_RUNS change the size and the number of
//! runs. Runs alternate between the two tools into empty folders on tmpfs
//! (/dev/shm) when there is one; medians are printed. scripts/bench-build.sh does
//! the same with peak memory and several sizes. The site also holds a workbook,
//! `content/data/so-lieu-bang-tinh.xlsx` of BENCH_SHEET_ROWS rows (10,000), read
//! like every dataset and given its page (Hugo's site has no such file).

#[path = "support/mod.rs"]
mod support;

#[path = "../examples/gen_site/mod.rs"]
mod gen_site;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use support::{env_or, median, scratch};

/// Runs `cmd` into an empty `out`; the wall time, or None when it failed.
fn timed(cmd: &mut Command, out: &Path) -> Option<Duration> {
    let _ = std::fs::remove_dir_all(out);
    let start = Instant::now();
    let result = cmd.output().ok()?;
    let took = start.elapsed();
    if !result.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&result.stderr));
        return None;
    }
    Some(took)
}

fn html_pages(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                html_pages(&p)
            } else {
                usize::from(p.extension().is_some_and(|x| x == "html"))
            }
        })
        .sum()
}

/// The spreadsheet case: a workbook the way an office keeps one (a label, a
/// year, a figure and a figure typed as Vietnamese text per row).
fn write_workbook(site: &Path, rows: usize) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Đơn vị", "Năm", "Kết nạp", "Chỉ tiêu (người)"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    for i in 0..rows {
        let r = i as u32 + 1;
        let target = 1000 + i % 9000;
        ws.write_string(r, 0, format!("Chi bộ số {i}"))
            .expect("cell");
        ws.write_number(r, 1, (2000 + i % 25) as f64).expect("cell");
        ws.write_number(r, 2, (100 + i % 900) as f64).expect("cell");
        let text = format!("{}.{:03}", target / 1000, target % 1000);
        ws.write_string(r, 3, text).expect("cell");
    }
    wb.save(site.join("content/data/so-lieu-bang-tinh.xlsx"))
        .expect("the workbook is written");
}

fn main() {
    let articles = env_or("BENCH_ARTICLES", 1000);
    let charts = env_or("BENCH_CHARTS", 1000);
    let runs = env_or("BENCH_RUNS", 5).max(1);
    let dir = scratch("trangtin-bench-");
    let (site, hugo_site) = (dir.path().join("site"), dir.path().join("hugo"));
    let has_hugo = Command::new("hugo")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    let opts = gen_site::Options::new(articles, charts, 1);
    let mut hugo_sink = gen_site::DirSink(hugo_site.clone());
    let hugo_arg: Option<&mut dyn gen_site::Sink> =
        if has_hugo { Some(&mut hugo_sink) } else { None };
    gen_site::generate(&opts, &mut gen_site::DirSink(site.clone()), hugo_arg)
        .expect("the generated site is written");

    write_workbook(&site, env_or("BENCH_SHEET_ROWS", 10_000));

    let (out_t, out_h): (PathBuf, PathBuf) = (dir.path().join("out-t"), dir.path().join("out-h"));
    let (mut t, mut h) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_trangtin"));
        // A full build each time, not the build cache's rebuild.
        cmd.arg("build")
            .arg("--fresh")
            .arg("--root")
            .arg(&site)
            .arg("--output")
            .arg(&out_t);
        t.push(timed(&mut cmd, &out_t).expect("trangtin build failed on the generated site"));
        if has_hugo {
            let mut cmd = Command::new("hugo");
            cmd.arg("--quiet")
                .arg("--source")
                .arg(&hugo_site)
                .arg("--destination")
                .arg(&out_h);
            h.extend(timed(&mut cmd, &out_h));
        }
    }
    let (tm, pages) = (median(t), html_pages(&out_t));
    println!("build/{articles} articles, {charts} charts: trangtin median {:.3} s over {runs} runs, {pages} pages, {:.3} ms/page", tm.as_secs_f64(), tm.as_secs_f64() * 1000.0 / pages.max(1) as f64);
    if h.is_empty() {
        println!("build/{articles}: hugo not installed (apt-get install hugo) — no comparison");
        return;
    }
    let hm = median(h);
    println!(
        "build/{articles}: hugo median {:.3} s, {} pages; trangtin/hugo = {:.2}",
        hm.as_secs_f64(),
        html_pages(&out_h),
        tm.as_secs_f64() / hm.as_secs_f64()
    );
}
