//! The language and format of what the commands say: `--help` and usage
//! errors in Vietnamese or English, `--message-format json`, and the human
//! format's excerpt with a caret in the site's language.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::Site;

/// `trangtin <args>` with `LANG` set and no other locale variable.
fn run(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .expect("trangtin runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The sentences of English help: each described line of `--help` in English
/// (an option's or a command's text), which must not appear in Vietnamese.
fn english_sentences(args: &[&str]) -> Vec<String> {
    let en = stdout(&run("C", args));
    en.lines()
        .map(str::trim)
        .map(|l| {
            // `build    Build the site…` → the text after the name.
            match l.split_once("  ") {
                Some((head, text)) if !head.contains(' ') => text.trim(),
                _ => l,
            }
        })
        .filter(|l| !l.starts_with('-') && !l.starts_with('[') && l.split(' ').count() >= 3)
        .map(str::to_string)
        .collect()
}

fn assert_vietnamese_help(help: &str, args: &[&str]) {
    for heading in ["Cách dùng: trangtin", "Tùy chọn:", "In hướng dẫn."] {
        assert!(help.contains(heading), "no {heading:?} in:\n{help}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Print help",
        "[default:",
        "Possible values",
    ] {
        assert!(!help.contains(english), "{english:?} in:\n{help}");
    }
    let sentences = english_sentences(args);
    assert!(sentences.len() >= 5, "{sentences:?}");
    for s in sentences {
        assert!(!help.contains(&s), "English {s:?} in:\n{help}");
    }
}

#[test]
fn help_follows_lang_and_the_lang_flag() {
    let top = run("vi_VN.UTF-8", &["--help"]);
    assert_eq!(top.status.code(), Some(0));
    let help = stdout(&top);
    assert!(
        help.contains("Lệnh:")
            && help.contains("Dựng trang vào thư mục kết quả, chỉ làm lại những gì đã thay đổi"),
        "{help}"
    );
    assert_vietnamese_help(&help, &["--help"]);

    let build = run("C", &["build", "--help", "--lang", "vi"]);
    assert_eq!(build.status.code(), Some(0));
    let help = stdout(&build);
    assert!(
        help.contains("Cách dùng: trangtin build [TÙY CHỌN]"),
        "{help}"
    );
    assert_vietnamese_help(&help, &["build", "--help"]);

    let english = stdout(&run("C", &["--help"]));
    assert!(
        english.contains("Usage: trangtin [OPTIONS] <COMMAND>"),
        "{english}"
    );
    assert!(
        english.contains("Build the site into the output folder, redoing only what changed"),
        "{english}"
    );
    assert!(!english.contains("Cách dùng"), "{english}");
    let english = stdout(&run("vi_VN.UTF-8", &["build", "--help", "--lang", "en"]));
    assert!(english.contains("Print nothing but errors"), "{english}");
}

#[test]
fn usage_errors_are_vietnamese_when_messages_are() {
    for (args, said) in [
        (&["build", "--bogus"][..], "lỗi: không có tùy chọn `--bogus`"),
        (&["buidl"][..], "lỗi: không có lệnh `buidl`"),
        (&["build", "--output"][..], "lỗi: `--output` cần một giá trị theo sau, mà chưa có"),
        (&["build", "--message-format", "xml"][..], "lỗi: giá trị `xml` không dùng được cho `--message-format`; cần một trong: `human`, `short`, `json`"),
        (&["build", "--lang", "fr"][..], "lỗi: giá trị `fr` của `--lang` không hợp lệ: `fr`: cần vi hoặc en"),
    ] {
        let out = run("vi_VN.UTF-8", args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.starts_with(said), "{args:?}:\n{err}");
        assert!(!err.contains("error:") && !err.contains("Usage"), "{err}");
    }
    let out = run("C", &["build", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: unexpected argument '--bogus' found"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn json_messages_are_one_object_per_error_on_stdout() {
    let site = Site::new("minimal");
    site.edit("content/articles/da-nang.md", |t| {
        t.replacen("date: \"2023-02-21 09:00\"", "date: \"2023-02-30\"", 1)
    });
    site.write(
        "content/articles/khong-tieu-de.md",
        "---\ndate: 2023-01-01\n---\nx\n",
    );
    let run = site.build(&["--message-format", "json"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    let mut files = Vec::new();
    for line in lines {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
        for key in ["file", "line", "column", "severity", "kind", "message"] {
            assert!(v.get(key).is_some(), "no {key} in {line}");
        }
        assert_eq!(v["severity"], "error", "{line}");
        assert!(v["kind"].as_str().is_some_and(|k| !k.is_empty()), "{line}");
        assert!(
            v["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{line}"
        );
        files.push(v["file"].as_str().unwrap_or_default().to_string());
    }
    files.sort();
    assert_eq!(
        files,
        [
            "content/articles/da-nang.md",
            "content/articles/khong-tieu-de.md"
        ]
    );
    assert!(
        !run.stderr.contains("error"),
        "the summary is not printed as JSON: {}",
        run.stderr
    );
    assert!(!site.output().exists(), "nothing was written");
}

#[test]
fn a_vietnamese_site_says_its_errors_in_vietnamese_with_the_line_and_a_caret() {
    let site = Site::new("minimal");
    let www = site.dir().join("www");
    std::fs::create_dir_all(&www).unwrap();
    let hash = "0".repeat(64);
    std::fs::write(
        www.join(".trangtin-manifest"),
        format!("index.html\t10\t{hash}\nbai/index.html\tmuoi\t{hash}\n"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(["publish", "--to"])
        .arg(&www)
        .arg("--root")
        .arg(&site.root)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("lỗi: dòng này của bản kê đăng (manifest) bị hỏng; cần dạng `đường-dẫn<TAB>cỡ<TAB>sha256`"),
        "{err}"
    );
    let shown = format!("{}:2", Path::new(&www).join(".trangtin-manifest").display());
    assert!(err.contains(&shown), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("bai/index.html\tmuoi") || l.contains("bai/index.html    muoi"))
        .unwrap_or_else(|| panic!("the line is shown:\n{err}"));
    assert!(lines[at].trim_start().starts_with("2 |"), "{err}");
    assert!(
        lines[at + 1].trim_end().ends_with('^'),
        "a caret under the line:\n{err}"
    );
    assert!(err.contains("Có 1 lỗi; việc đăng đã dừng"), "{err}");
    assert!(!err.contains("error"), "{err}");
}
