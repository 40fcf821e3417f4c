//! The bad-input corpus: every case in `tests/fixtures/broken/<case>/` is an
//! overlay on `tests/fixtures/minimal` with one problem, and `expected.txt` holds
//! the exact line(s) the editor must read on stderr, one error a line (a line
//! that starts with a space continues the one above it).
//!
//! For each case the site is first built fine, then broken and built again into
//! the same output folder: the build must fail with exit code 1, print exactly
//! the expected errors and no others, never panic, and leave the previous output
//! byte for byte as it was, with no temporary folder beside it. `check` must
//! report the same errors.

mod common;

use std::fs;
use std::path::Path;

use common::{diff_trees, fixture, leftovers, Site};

#[test]
fn every_broken_case_is_reported_plainly_and_keeps_the_previous_output() {
    let dir = fixture("broken");
    let mut cases: Vec<String> = fs::read_dir(&dir)
        .expect("tests/fixtures/broken")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 40,
        "the corpus should hold at least 40 cases, it has {}",
        cases.len()
    );
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| run_case(&dir.join(c)).err().map(|e| format!("── {c}\n{e}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} broken cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// Runs one case; the error says everything that went wrong with it.
fn run_case(case: &Path) -> Result<(), String> {
    let expected = fs::read_to_string(case.join("expected.txt"))
        .map_err(|e| format!("no expected.txt: {e}"))?;
    let site = Site::new("minimal");
    let good = site.build(&[]);
    if good.code != 0 {
        return Err(format!(
            "the good build before the case failed:\n{}",
            good.stderr
        ));
    }
    let before = good.files();
    site.overlay(case);

    let mut problems = Vec::new();
    let built = site.build(&[]);
    problems.extend(judge("build", built.code, &built.stderr, &expected));
    if let Some(d) = diff_trees(&before, &built.files()) {
        problems.push(format!(
            "the failed build changed the previous output:\n{d}"
        ));
    }
    let left = leftovers(site.dir(), &["site", "output"]);
    if !left.is_empty() {
        problems.push(format!(
            "the failed build left these beside the output: {left:?}"
        ));
    }
    let checked = site.check(&[]);
    problems.extend(judge("check", checked.code, &checked.stderr, &expected));
    problems.extend(judge_vietnamese(case, &site));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The same case as an editor on a Vietnamese site reads it: every message in
/// Vietnamese, with the file's line and a caret under the spot, exactly as in
/// `expected.vi.txt`. `TRANGTIN_BLESS=<prefix>` (or `1` for all) rewrites the
/// file of each case whose name starts with the prefix, to review with git diff.
fn judge_vietnamese(case: &Path, site: &Site) -> Vec<String> {
    let run = site.build(&["--lang", "vi", "--message-format", "human"]);
    let file = case.join("expected.vi.txt");
    let name = case.file_name().unwrap().to_string_lossy();
    if let Ok(prefix) = std::env::var("TRANGTIN_BLESS") {
        if prefix == "1" || name.starts_with(&prefix) {
            fs::write(&file, &run.stderr).expect("write expected.vi.txt");
        }
    }
    let mut problems = Vec::new();
    if run.code != 1 {
        problems.push(format!("--lang vi: exit code {}, expected 1", run.code));
    }
    match fs::read_to_string(&file) {
        Ok(want) if want == run.stderr => {}
        Ok(want) => problems.push(format!(
            "--lang vi: stderr differs from expected.vi.txt (TRANGTIN_BLESS={name} rewrites it)\n  expected:\n{}\n  actual:\n{}",
            indent(&want),
            indent(&run.stderr)
        )),
        Err(_) => problems.push(format!(
            "no expected.vi.txt; TRANGTIN_BLESS={name} writes it from:\n{}",
            indent(&run.stderr)
        )),
    }
    if let Some(english) = run.stderr.lines().find(|l| looks_english(l)) {
        problems.push(format!("--lang vi: a line in English: {english}"));
    }
    problems
}

/// A message line (not a source excerpt) that reads as English: its first
/// word after `lỗi:`/`cảnh báo:` is a common English one.
fn looks_english(line: &str) -> bool {
    let Some(text) = line
        .strip_prefix("lỗi: ")
        .or_else(|| line.strip_prefix("cảnh báo: "))
    else {
        return false;
    };
    const WORDS: [&str; 12] = [
        "the", "a", "an", "this", "no", "missing", "unknown", "expected", "cannot", "is", "not",
        "there",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

/// What is wrong with one failed run's exit code and stderr, if anything.
fn judge(command: &str, code: i32, stderr: &str, expected: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if code != 1 {
        problems.push(format!("{command}: exit code {code}, expected 1"));
    }
    if stderr.contains("panicked") {
        problems.push(format!("{command}: panicked:\n{stderr}"));
        return problems;
    }
    let want = expected.trim_end();
    if !stderr.contains(want) {
        problems.push(format!(
            "{command}: stderr lacks the expected text\n  expected:\n{}\n  actual:\n{}",
            indent(want),
            indent(stderr.trim_end())
        ));
        return problems;
    }
    let errors_expected = want.lines().filter(|l| !l.starts_with(' ')).count();
    match count_in_summary(stderr) {
        Some(n) if n == errors_expected => {}
        Some(n) => {
            let others: Vec<&str> = stderr
                .lines()
                .filter(|l| !want.contains(*l) && count_in_summary(l).is_none())
                .collect();
            problems.push(format!(
                "{command}: {n} errors reported, expected {errors_expected}; the others:\n{}",
                indent(&others.join("\n"))
            ));
        }
        None => problems.push(format!(
            "{command}: no summary line `N error(s) found` on stderr:\n{}",
            indent(stderr)
        )),
    }
    problems
}

/// The N of the last line `N error(s) found; …`.
fn count_in_summary(stderr: &str) -> Option<usize> {
    let last = stderr.lines().rev().find(|l| !l.trim().is_empty())?;
    let (n, rest) = last.split_once(' ')?;
    (rest.starts_with("error found") || rest.starts_with("errors found")).then_some(())?;
    n.parse().ok()
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Three unrelated mistakes in three files: the editor reads all three at once.
#[test]
fn every_error_of_a_build_is_reported_together() {
    let site = Site::new("minimal");
    site.edit("content/site.yaml", |s| {
        s.replace("language: vi", "language: fr")
    });
    site.write(
        "content/articles/loi.md",
        "---\ntitle: Bài viết có trường lạ\ndate: 2023-03-10\ncolour: đỏ\n---\nNội dung.\n",
    );
    site.write(
        "content/data/loi.yaml",
        "title: Số liệu chưa có dòng nào\nrows: []\n",
    );
    reports_exactly(
        &site.build(&[]),
        &[
            "content/articles/loi.md:4:1: unknown field `colour`",
            "content/data/loi.yaml:2: the dataset has no rows",
            "content/site.yaml:5: unknown language `fr`",
        ],
    );
}

/// The run failed with exit 1 and reported these errors (and only as many).
fn reports_exactly(run: &common::Run, lines: &[&str]) {
    assert_eq!(run.code, 1, "{}", run.stderr);
    for line in lines {
        assert!(
            run.stderr.contains(line),
            "missing `{line}` in:\n{}",
            run.stderr
        );
    }
    assert_eq!(
        count_in_summary(&run.stderr),
        Some(lines.len()),
        "{}",
        run.stderr
    );
}

/// Mistakes found while reading files and mistakes found while checking
/// references between them are reported in the same run.
#[test]
fn reading_and_cross_file_errors_are_reported_together() {
    let site = Site::new("minimal");
    // Found while reading: a front-matter field that does not exist.
    site.write(
        "content/articles/loi.md",
        "---\ntitle: Bài viết có trường lạ\ndate: 2023-03-10\ncolour: đỏ\n---\nNội dung.\n",
    );
    // Found while checking references: an unknown organization, an unknown chart type.
    site.write(
        "content/articles/don-vi.md",
        "---\ntitle: Bài viết của đơn vị không có\ndate: 2023-03-11\norg: tam-ky\n---\nNội dung.\n",
    );
    site.write(
        "content/charts/loi.yaml",
        "title: Biểu đồ loại lạ\ntype: radar\ndata: ket-nap\nx: period\ny: [value]\n",
    );
    reports_exactly(
        &site.build(&[]),
        &[
            "content/articles/don-vi.md:4: unknown organization `tam-ky`",
            "content/articles/loi.md:4:1: unknown field `colour`",
            "content/charts/loi.yaml:2:7: type: unknown variant `radar`",
        ],
    );
}

/// Files no fixture should hold in git: a 50 MB article and a link to a file
/// that is gone (as when a file is removed while the build runs). Both are
/// named, with the previous output kept.
#[test]
fn a_huge_file_and_a_vanished_file_are_named() {
    let site = Site::new("minimal");
    let body = "Đảng viên mới. ".repeat(2_380_952);
    site.write(
        "content/articles/lon.md",
        format!("---\ntitle: Lớn\ndate: 2023-01-01\n---\n{body}"),
    );
    std::os::unix::fs::symlink(
        "/nonexistent/trangtin/mat.md",
        site.dir().join("site/content/articles/mat.md"),
    )
    .unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        run.stderr.contains("content/articles/lon.md: the file is 50.0 MB; articles, pages and data files can be at most 10 MB"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "content/articles/mat.md: the file does not exist (or was removed during the build)"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("2 errors found"), "{}", run.stderr);
    assert!(!run.output.exists(), "nothing was written");
}

/// Files and a folder the build may not read. Root reads everything whatever
/// the mode bits say (and CI runs as root), so there the build runs without the
/// two capabilities that bypass file permissions (`setpriv`, from util-linux).
#[test]
fn unreadable_files_and_folders_are_named() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let site = Site::new("minimal");
    let root = fs::metadata(site.dir()).expect("the scratch folder").uid() == 0;
    let wrapper: &[&str] = if root {
        &["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    } else {
        &[]
    };
    let build = || site.run_via(wrapper, "build", &site.output(), &[], &[]);
    let good = build();
    assert_eq!(good.code, 0, "{}", good.stderr);
    let before = good.files();
    let lock = |rel: &str, mode: u32| {
        let path = site.dir().join("site").join(rel);
        fs::set_permissions(&path, fs::Permissions::from_mode(mode))
            .unwrap_or_else(|e| panic!("chmod {rel}: {e}"));
    };
    let failed = |run: &common::Run, expected: &[&str]| {
        assert_eq!(run.code, 1, "{}", run.stderr);
        let lines: Vec<&str> = run.stderr.lines().collect();
        let summary = format!(
            "{} error{} found; nothing was written.",
            expected.len(),
            if expected.len() == 1 { "" } else { "s" }
        );
        assert_eq!(
            lines,
            [expected, &[summary.as_str()]].concat(),
            "{}",
            run.stderr
        );
        assert!(
            diff_trees(&before, &run.files()).is_none(),
            "output changed"
        );
        assert!(leftovers(site.dir(), &["site", "output"]).is_empty());
    };

    site.write(
        "content/articles/khoa/mot.md",
        "---\ntitle: Một\ndate: 2023-01-01\n---\nMột.\n",
    );
    for (rel, mode) in [
        ("content/articles/da-nang.md", 0o000),
        ("content/articles/khoa", 0o000),
        ("content/data/ket-nap.yaml", 0o200),
        ("content/charts/ket-nap.yaml", 0o000),
        ("content/organizations.yaml", 0o000),
    ] {
        lock(rel, mode);
    }
    const DENIED: &str = "the file cannot be read: permission denied";
    failed(
        &build(),
        &[
            &format!("content/articles/da-nang.md: {DENIED}"),
            "content/articles/khoa: the folder cannot be read: permission denied; make it readable so the files in it can be built",
            &format!("content/charts/ket-nap.yaml: {DENIED}"),
            &format!("content/data/ket-nap.yaml: {DENIED}"),
            &format!("content/organizations.yaml: {DENIED}"),
        ],
    );

    // Readable again, but for a picture: found only when it is copied.
    for rel in [
        "content/articles/da-nang.md",
        "content/articles/khoa",
        "content/data/ket-nap.yaml",
        "content/charts/ket-nap.yaml",
        "content/organizations.yaml",
    ] {
        lock(rel, 0o755);
    }
    fs::remove_dir_all(site.dir().join("site/content/articles/khoa")).unwrap();
    lock("content/media/anh.svg", 0o000);
    failed(&build(), &[&format!("content/media/anh.svg: {DENIED}")]);

    lock("content/media/anh.svg", 0o644);
    lock("content/site.yaml", 0o000);
    failed(&build(), &[&format!("content/site.yaml: {DENIED}")]);
}
