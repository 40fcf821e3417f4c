//! The output folder is always a whole site: a build killed at any moment
//! leaves the previous site byte for byte, and the next build clears what the
//! killed one left. And the bytes do not depend on how many threads wrote them.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{diff_trees, leftovers, list_files, Site};
use sha2::{Digest, Sha256};

const ARTICLES: usize = 2000;
const KILLS: u64 = 15;

/// The minimal site plus `ARTICLES` short articles (every fifth with a chart),
/// so that a build lasts long enough to be killed in each of its stages.
fn large_site() -> Site {
    let site = Site::new("minimal");
    // Pages of 20, as a real site: the fixture's 2 would make thousands of list pages.
    site.edit("content/site.yaml", |t| {
        t.replace("page_size: 2", "page_size: 20")
    });
    let tags = [
        "Tam Kỳ",
        "phát triển đảng viên",
        "Đà Nẵng",
        "hội nghị",
        "tạo nguồn",
        "Thái Hòa",
    ];
    for i in 0..ARTICLES {
        let chart = if i % 5 == 0 {
            format!("```chart\ntype: bar\ntitle: Kết nạp của chi bộ {i}\ndata:\n  - [Năm 2022, {}]\n  - [Năm 2023, {}]\n```\n", i % 37 + 1, i % 41 + 2)
        } else {
            String::new()
        };
        let text = format!(
            "---\ntitle: Tin số {i} về công tác phát triển đảng viên\ndate: \"{}-{:02}-{:02} {:02}:{:02}\"\ncategory: {}\ntags: [{}, {}]\n---\nChi bộ số {i} kết nạp thêm đảng viên mới trong tháng.\n\n## Kết quả\n\nCác đồng chí đã hoàn thành {} hồ sơ, đạt chỉ tiêu đề ra.\n\n{chart}",
            2016 + i % 9,
            1 + i % 12,
            1 + i % 28,
            i % 24,
            i % 60,
            if i % 3 == 0 { "Xây dựng Đảng" } else { "Tin tức" },
            tags[i % tags.len()],
            tags[(i / 7) % tags.len()],
            i * 3 % 97
        );
        site.write(
            &format!("content/articles/tao/{:02}/{i:04}.md", i / 100),
            text,
        );
    }
    site
}

/// SHA-256 of every file of `dir`, by relative path.
fn hashes(dir: &Path) -> BTreeMap<String, [u8; 32]> {
    list_files(dir)
        .into_iter()
        .map(|(p, bytes)| (p, Sha256::digest(&bytes).into()))
        .collect()
}

fn differences(a: &BTreeMap<String, [u8; 32]>, b: &BTreeMap<String, [u8; 32]>) -> Vec<String> {
    let mut out: Vec<String> = a
        .iter()
        .filter(|(p, h)| b.get(*p) != Some(h))
        .map(|(p, _)| format!("changed or gone: {p}"))
        .collect();
    out.extend(
        b.keys()
            .filter(|p| !a.contains_key(*p))
            .map(|p| format!("new: {p}")),
    );
    out
}

/// Waits for a build, noting when its temporary folder (in `dir`) appeared:
/// (start of the write, whole length), both from the start of the watch.
fn watch(mut child: Child, dir: &Path) -> (Duration, Duration) {
    let start = Instant::now();
    let temp = dir.join(format!(".output.tmp-{}", child.id()));
    let mut writing_from = None;
    loop {
        if writing_from.is_none() && temp.exists() {
            writing_from = Some(start.elapsed());
        }
        match child.try_wait().expect("wait for trangtin") {
            Some(status) => {
                assert!(status.success(), "the second build failed");
                let length = start.elapsed();
                return (writing_from.unwrap_or(Duration::ZERO), length);
            }
            None => std::thread::sleep(Duration::from_millis(2)),
        }
    }
}

/// A small deterministic generator (xorshift): the same kill moments each run.
struct Moments(u64);

impl Moments {
    /// A fraction of the build's duration in [0.02, 1.10).
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        0.02 + (self.0 % 1000) as f64 / 1000.0 * 1.08
    }
}

#[test]
fn a_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up() {
    let site = large_site();
    let output = site.output();
    let build = || {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_trangtin"));
        // Every file written each time (no build cache), so kills land in the writing.
        cmd.args(["build", "--fresh", "--quiet", "--root"])
            .arg(&site.root)
            .arg("--output")
            .arg(&output);
        cmd.stdout(Stdio::null()).stderr(Stdio::piped());
        cmd
    };
    let first = build()
        .output()
        .unwrap_or_else(|e| panic!("cannot run trangtin: {e}"));
    assert!(
        first.status.success(),
        "the large site did not build:\n{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let good = hashes(&output);
    assert!(
        good.len() > ARTICLES,
        "only {} files were written",
        good.len()
    );

    // A second build over the first, watched to learn when it starts writing,
    // so the kills can be spread over the whole build and the write especially.
    let (writing_from, length) = watch(
        build()
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start trangtin: {e}")),
        site.dir(),
    );
    assert!(
        differences(&good, &hashes(&output)).is_empty(),
        "a rebuild of the same content changed the output"
    );

    let mut moments = Moments(0x9e37_79b9_7f4a_7c15);
    let mut cut_while_writing = 0;
    // Every third kill anywhere in the build, the others while it writes; a few
    // more if none happened to cut the write (the machine may be busy).
    let mut k = 0;
    while k < KILLS || (cut_while_writing == 0 && k < 3 * KILLS) {
        let f = moments.next();
        let delay = match k % 3 {
            0 => length.mul_f64(f),
            _ => writing_from + (length.saturating_sub(writing_from)).mul_f64(f),
        };
        let mut child = build()
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start trangtin: {e}"));
        let its_temp = format!(".output.tmp-{}", child.id());
        std::thread::sleep(delay);
        let running = matches!(child.try_wait(), Ok(None));
        child.kill().expect("SIGKILL trangtin");
        child.wait().expect("reap trangtin");
        let changed = differences(&good, &hashes(&output));
        assert!(
            changed.is_empty(),
            "kill {k} after {delay:?} (running: {running}) left a different output:\n{}",
            changed
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
        if site.dir().join(&its_temp).exists() {
            cut_while_writing += 1;
        }
        k += 1;
    }
    eprintln!("{k} kills over a {length:?} build (writing from {writing_from:?}); {cut_while_writing} cut the writing of the new site");
    assert!(
        cut_while_writing > 0,
        "no kill landed while the output was being written; the test proved nothing"
    );

    assert!(
        build()
            .status()
            .unwrap_or_else(|e| panic!("cannot run trangtin: {e}"))
            .success(),
        "the build after the kills failed"
    );
    assert_eq!(
        leftovers(site.dir(), &["site", "output"]),
        Vec::<String>::new(),
        "folders left beside the output after a good build"
    );
    assert!(
        differences(&good, &hashes(&output)).is_empty(),
        "the build after the kills wrote a different site"
    );
}

#[test]
fn the_sample_site_is_the_same_with_one_two_or_all_threads() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let build = |name: &str, threads: Option<&str>| {
        let out = tmp.path().join(name);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_trangtin"));
        cmd.args([
            "build",
            "--quiet",
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "--output",
        ])
        .arg(&out);
        match threads {
            Some(n) => cmd.env("RAYON_NUM_THREADS", n),
            None => cmd.env_remove("RAYON_NUM_THREADS"),
        };
        let run = cmd
            .output()
            .unwrap_or_else(|e| panic!("cannot run trangtin: {e}"));
        assert!(
            run.status.success(),
            "the sample site did not build ({name}):\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
        list_files(&out)
    };
    let one = build("one", Some("1"));
    assert!(one.len() > 50, "only {} files were written", one.len());
    for (name, threads) in [("default", None), ("two", Some("2"))] {
        if let Some(d) = diff_trees(&one, &build(name, threads)) {
            panic!("the sample site built with one thread and with {name} threads differs:\n{d}");
        }
    }
}

/// The kill moments must be spread, not bunched, for the test to mean anything.
#[test]
fn kill_moments_cover_the_build() {
    let mut m = Moments(0x9e37_79b9_7f4a_7c15);
    let v: Vec<f64> = (0..KILLS).map(|_| m.next()).collect();
    assert!(v.iter().all(|x| (0.02..1.10).contains(x)), "{v:?}");
    assert!(
        v.iter().any(|&x| x < 0.4) && v.iter().any(|&x| x > 0.7),
        "{v:?}"
    );
}
