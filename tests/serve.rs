//! `trangtin serve`, the real binary, on a free loopback port with a copy of a
//! fixture site: what a browser gets, what an edit changes, what a broken file
//! shows, and what is refused.
//!
//! Every wait is bounded, and the server is killed when a test ends however it
//! ends (the `Served` guard).

#[path = "browser/mod.rs"]
mod browser;
mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A running `trangtin serve`, killed on drop.
struct Served {
    child: Child,
    port: u16,
    site: tempfile::TempDir,
    out: tempfile::TempDir,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the server answered.
struct Answer {
    status: u16,
    head: String,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

const LIMIT: Duration = Duration::from_secs(60);

/// Copies the minimal fixture and serves it on a port the system picks.
fn serve(extra: &[&str]) -> Served {
    let site = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
        site.path(),
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(["--lang", "en", "--message-format", "short"])
        .args(["serve", "--port", "0", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(out.path().join("site"))
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("trangtin starts");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut served = Served {
        child,
        port: 0,
        site,
        out,
    };
    let start = Instant::now();
    while served.port == 0 {
        let line = rx
            .recv_timeout(LIMIT.saturating_sub(start.elapsed()))
            .expect("serve prints its address within a minute");
        if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
            served.port = rest.split('/').next().unwrap().parse().unwrap();
        }
    }
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || while rx.recv().is_ok() {});
    served
}

impl Served {
    fn get(&self, target: &str) -> Answer {
        let (status, head, body) = common::http_get(self.port, target);
        Answer {
            status,
            head,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }

    /// Polls `target` until `ok` holds for its answer (at most a minute).
    fn wait_for(&self, target: &str, what: &str, ok: impl Fn(&Answer) -> bool) -> Answer {
        let start = Instant::now();
        loop {
            let a = self.get(target);
            if ok(&a) {
                return a;
            }
            assert!(
                start.elapsed() < LIMIT,
                "{target} never showed {what}; last answer:\n{}\n\n{}",
                a.head,
                a.body
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn article(&self) -> PathBuf {
        self.site.path().join("content/articles/da-nang.md")
    }
}

const PAGE: &str = "/tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/";

#[test]
fn pages_are_served_with_their_types_and_the_reload_script() {
    let s = serve(&[]);
    let home = s.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("cache-control").as_deref(), Some("no-store"));
    assert!(
        home.body.contains("<script src=\"/__trangtin/live.js\""),
        "{}",
        home.body
    );
    assert!(
        home.body.contains("href=\"http://127.0.0.1:")
            || home.body.contains("content=\"http://127.0.0.1:"),
        "links use the local address"
    );

    let on_disk = std::fs::read_to_string(s.out.path().join("site/index.html")).unwrap();
    assert!(
        !on_disk.contains("__trangtin"),
        "the written files have no reload script"
    );

    let folder = s.get(PAGE.trim_end_matches('/'));
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("location").as_deref(), Some(PAGE));
    assert_eq!(
        s.get("/sitemap.xml").header("content-type").as_deref(),
        Some("application/xml; charset=utf-8")
    );
    assert_eq!(
        s.get("/media/anh.svg").header("content-type").as_deref(),
        Some("image/svg+xml; charset=utf-8")
    );
    let script = s.get("/__trangtin/live.js");
    assert_eq!(
        script.header("content-type").as_deref(),
        Some("text/javascript; charset=utf-8")
    );
    assert!(script.body.contains("EventSource(\"/__trangtin/events\")"));

    let missing = s.get("/khong-co-trang-nay/");
    assert_eq!(missing.status, 404);
    let site_404 = std::fs::read_to_string(s.out.path().join("site/404.html")).unwrap();
    let title = site_404
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap();
    assert!(
        missing.body.contains(title),
        "the site's own 404 page is served"
    );
}

#[test]
fn an_edit_is_served_a_broken_file_shows_the_error_and_a_fix_clears_it() {
    let s = serve(&[]);
    let original = std::fs::read_to_string(s.article()).unwrap();
    std::fs::write(
        s.article(),
        format!("{original}\nĐoạn mới viết thêm để kiểm tra.\n"),
    )
    .unwrap();
    s.wait_for(PAGE, "the new paragraph", |a| {
        a.body.contains("Đoạn mới viết thêm để kiểm tra.")
    });

    // A date no calendar has, with markup in it: the message must be escaped.
    let broken = original.replacen(
        "date: \"2023-02-21 09:00\"",
        "date: \"<b>2023-02-30</b>\"",
        1,
    );
    assert_ne!(broken, original, "the fixture's date line changed");
    std::fs::write(s.article(), &broken).unwrap();
    let shown = s.wait_for(PAGE, "the error overlay", |a| {
        a.body.contains("id=\"trangtin-error\"")
    });
    assert!(
        shown
            .body
            .contains("content/articles/da-nang.md:3: date: `&lt;b&gt;2023-02-30&lt;/b&gt;`"),
        "{}",
        shown.body
    );
    assert!(
        !shown.body.contains("<b>2023-02-30</b>"),
        "editor text is escaped"
    );
    assert!(
        shown.body.contains("Đoạn mới viết thêm để kiểm tra."),
        "the last good page stays under the overlay"
    );
    assert!(
        s.get("/").body.contains("id=\"trangtin-error\""),
        "every page shows the error"
    );

    std::fs::write(s.article(), &original).unwrap();
    let fixed = s.wait_for(PAGE, "the page without the overlay", |a| {
        !a.body.contains("trangtin-error")
    });
    assert!(
        !fixed.body.contains("Đoạn mới viết thêm để kiểm tra."),
        "the fixed file is what is served"
    );
}

#[test]
fn the_event_stream_tells_the_current_state_at_once() {
    let s = serve(&[]);
    let mut stream = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET /__trangtin/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut seen = String::new();
    while !seen.contains("data: {") {
        let mut line = String::new();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "the stream ended: {seen}"
        );
        seen.push_str(&line);
    }
    assert!(
        seen.contains("Content-Type: text/event-stream; charset=utf-8"),
        "{seen}"
    );
    assert!(
        seen.contains("event: state\ndata: {\"error\":null,\"version\":1}"),
        "{seen}"
    );
}

#[test]
fn paths_out_of_the_output_folder_are_refused() {
    let s = serve(&[]);
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc", s.out.path().join("site/he-thong")).unwrap();
    for target in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/tin-tuc/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc/passwd",
        "/he-thong/passwd",
        "/he-thong/",
    ] {
        let a = s.get(target);
        assert!(
            a.status == 403 || a.status == 404,
            "{target} gave {}",
            a.status
        );
        assert!(!a.body.contains("root:"), "{target} leaked a system file");
    }
    assert_eq!(s.get("/he-thong/passwd").status, 403);
}

#[test]
fn drafts_are_served_with_their_mark_only_when_asked() {
    let draft = "/tin-tuc/bai-viet-con-la-ban-nhap/";
    assert_eq!(serve(&[]).get(draft).status, 404);
    let a = serve(&["--drafts"]).get(draft);
    assert_eq!(a.status, 200);
    assert!(a.body.contains("class=\"draft-mark\""), "{}", a.body);
}

#[test]
fn an_open_page_reloads_by_itself_after_an_edit() {
    let s = serve(&[]);
    let Some(browser) = browser::Browser::start() else {
        return;
    };
    browser.goto(&format!("http://127.0.0.1:{}{PAGE}", s.port));
    // A mark on the page's window: gone once the page has reloaded.
    browser.js("window.trangtinMark = 1; return 1;", vec![]);
    let original = std::fs::read_to_string(s.article()).unwrap();
    std::fs::write(
        s.article(),
        format!("{original}\nMột đoạn vừa lưu trong trình soạn thảo.\n"),
    )
    .unwrap();
    let start = Instant::now();
    loop {
        let text = browser.js(
            "return document.body ? document.body.textContent : '';",
            vec![],
        );
        let mark = browser.js("return window.trangtinMark === 1;", vec![]);
        if text
            .as_str()
            .is_some_and(|t| t.contains("Một đoạn vừa lưu trong trình soạn thảo."))
        {
            assert_eq!(
                mark,
                serde_json::Value::Bool(false),
                "the page was reloaded, not patched"
            );
            break;
        }
        assert!(
            start.elapsed() < LIMIT,
            "the open page never showed the new paragraph"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// What an edit is called, the file it changes, and the change.
type Edit<'a> = (&'static str, &'static str, Box<dyn Fn() + 'a>);

#[test]
fn quick_rebuilds_write_exactly_what_a_full_build_writes() {
    use trangtin::serve::session::{ServeOptions, Session};
    let site = tempfile::tempdir().unwrap();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
        site.path(),
    );
    let work = tempfile::tempdir().unwrap();
    let served = work.path().join("served");
    let base_url = "http://127.0.0.1:1111/".to_string();
    let mut session = Session::new(ServeOptions {
        root: site.path().to_path_buf(),
        output: served.clone(),
        drafts: false,
        base_url: base_url.clone(),
    });
    assert!(session.full().errors.is_none());
    let articles = site.path().join("content/articles");
    let da_nang = articles.join("da-nang.md");
    let original = std::fs::read_to_string(&da_nang).unwrap();
    let (d, m, t) = (
        "content/articles/da-nang.md",
        "content/articles/moi.md",
        "content/articles/thai-hoa.md",
    );
    let thai_hoa = articles.join("thai-hoa.md");
    let thai_hoa_text = std::fs::read_to_string(&thai_hoa).unwrap();
    assert!(
        thai_hoa_text.contains("title: Thái Hòa")
            && thai_hoa_text.contains("[Khai trừ, 12]")
            && thai_hoa_text.contains("date: 2021-10-20")
            && original.contains("tags: [phát triển đảng viên, Đà Nẵng]"),
        "the fixture has what the edits change"
    );
    let edits: Vec<Edit> = vec![
        (
            "a body edit",
            d,
            Box::new(|| std::fs::write(&da_nang, format!("{original}\nThêm một đoạn.\n")).unwrap()),
        ),
        (
            "a title edit (new address)",
            d,
            Box::new(|| {
                std::fs::write(
                    &da_nang,
                    original.replacen("title: Đà Nẵng", "title: Thành phố Đà Nẵng", 1),
                )
                .unwrap()
            }),
        ),
        (
            "a category change",
            d,
            Box::new(|| {
                std::fs::write(
                    &da_nang,
                    original.replacen("category: Xây dựng Đảng", "category: Tin tức", 1),
                )
                .unwrap()
            }),
        ),
        (
            "a keyword change (one made, one gone)",
            d,
            Box::new(|| {
                std::fs::write(
                    &da_nang,
                    original.replacen(
                        "tags: [phát triển đảng viên, Đà Nẵng]",
                        "tags: [Đà Nẵng, hội nghị chuyên đề]",
                        1,
                    ),
                )
                .unwrap()
            }),
        ),
        (
            "a new article",
            m,
            Box::new(|| {
                std::fs::write(articles.join("moi.md"), "---\ntitle: Tin mới nhất\ndate: 2024-06-01\ncategory: Tin tức\ntags: [Đà Nẵng]\n---\nNội dung.\n").unwrap()
            }),
        ),
        (
            "a broken article",
            m,
            Box::new(|| {
                std::fs::write(
                    articles.join("moi.md"),
                    "---\ntitle: Tin mới nhất\ndate: 2024-06-41\n---\nNội dung.\n",
                )
                .unwrap()
            }),
        ),
        (
            "an article removed",
            m,
            Box::new(|| std::fs::remove_file(articles.join("moi.md")).unwrap()),
        ),
        (
            "the first edit undone",
            d,
            Box::new(|| std::fs::write(&da_nang, &original).unwrap()),
        ),
        (
            "a title edit of an article with an organization and a document",
            t,
            Box::new(|| {
                std::fs::write(
                    &thai_hoa,
                    thai_hoa_text.replacen("title: Thái Hòa", "title: Thị xã Thái Hòa", 1),
                )
                .unwrap()
            }),
        ),
        (
            "a date edit that puts the article first",
            t,
            Box::new(|| {
                std::fs::write(
                    &thai_hoa,
                    thai_hoa_text.replacen("date: 2021-10-20", "date: 2024-01-05", 1),
                )
                .unwrap()
            }),
        ),
        (
            "a change to an inline chart's figures",
            t,
            Box::new(|| {
                std::fs::write(
                    &thai_hoa,
                    thai_hoa_text.replacen("[Khai trừ, 12]", "[Khai trừ, 13]", 1),
                )
                .unwrap()
            }),
        ),
    ];
    for (what, path, edit) in edits {
        edit();
        let outcome = session.apply(&[PathBuf::from(path)]);
        if what == "a broken article" {
            assert!(outcome.errors.is_some(), "{what}: the error is reported");
            continue;
        }
        assert!(outcome.errors.is_none(), "{what}: {:?}", outcome.errors);
        session.refresh_search();
        let fresh = work.path().join(format!("fresh-{what}"));
        let report = trangtin::build::build(&trangtin::build::BuildOptions {
            root: site.path().to_path_buf(),
            output: fresh.clone(),
            drafts: false,
            base_url: Some(base_url.clone()),
            clock: None,
        });
        assert!(report.is_ok(), "{what}: {:?}", report.err());
        let (want, got) = (common::list_files(&fresh), common::list_files(&served));
        if let Some(d) = common::diff_trees(&want, &got) {
            panic!("after {what}, the served files differ from a full build:\n{d}");
        }
    }
}

/// 1,000 requests at once while an article is edited five times: every answer
/// is a 200 with a whole page (its declared length, ending in `</html>`).
#[test]
fn a_thousand_concurrent_requests_while_files_change() {
    const CLIENTS: usize = 1000;
    let s = serve(&[]);
    let port = s.port;
    let targets = [
        "/",
        PAGE,
        "/tin-moi/",
        "/chuyen-muc/xay-dung-dang/",
        "/van-kien/",
    ];
    let start = std::sync::Arc::new(std::sync::Barrier::new(CLIENTS + 1));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|i| {
            let start = std::sync::Arc::clone(&start);
            let target = targets[i % targets.len()];
            std::thread::Builder::new()
                .stack_size(64 * 1024)
                .spawn(move || {
                    start.wait();
                    fetch_whole(port, target)
                })
                .expect("a client thread")
        })
        .collect();
    let original = std::fs::read_to_string(s.article()).unwrap();
    start.wait();
    for n in 0..5 {
        std::fs::write(s.article(), format!("{original}\nLần sửa {n}.\n")).unwrap();
        std::thread::sleep(Duration::from_millis(40));
    }
    let mut problems = Vec::new();
    for c in clients {
        if let Err(p) = c.join().expect("a client finishes") {
            problems.push(p);
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {CLIENTS} requests went wrong, e.g.: {:?}",
        problems.len(),
        &problems[..problems.len().min(5)]
    );
}

/// One GET; an error unless it is a 200 whose body is whole.
fn fetch_whole(port: u16, target: &str) -> Result<(), String> {
    let mut s =
        TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("{target}: connect: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)
        .map_err(|e| format!("{target}: read: {e}"))?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or(format!("{target}: no head"))?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let body = &raw[split + 4..];
    if !head.starts_with("HTTP/1.1 200") {
        return Err(format!(
            "{target}: {}",
            head.lines().next().unwrap_or_default()
        ));
    }
    let declared = head
        .lines()
        .find_map(|l| {
            l.strip_prefix("Content-Length: ")
                .or_else(|| l.strip_prefix("content-length: "))
        })
        .and_then(|v| v.trim().parse::<usize>().ok());
    if declared.is_some_and(|n| n != body.len()) {
        return Err(format!(
            "{target}: {} bytes for a declared {declared:?}",
            body.len()
        ));
    }
    if !String::from_utf8_lossy(body)
        .trim_end()
        .ends_with("</html>")
    {
        return Err(format!("{target}: the page is cut short"));
    }
    Ok(())
}

#[test]
fn serve_warns_when_an_address_moved_since_the_last_publish() {
    let site = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
        site.path(),
    );
    // The last publish put the Đà Nẵng article at another address.
    let www = site.path().join("www");
    std::fs::create_dir(&www).unwrap();
    let hash = "0".repeat(64);
    std::fs::write(
        www.join(".trangtin-manifest"),
        format!("tin-tuc/cu/index.html\t1\t{hash}\tsrc:content/articles/da-nang.md\n"),
    )
    .unwrap();
    let yaml = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}publish: {}\n", www.display())).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(["--lang", "en", "--message-format", "short"])
        .args(["serve", "--port", "0", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(out.path().join("site"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("trangtin starts");
    let mut served = Served {
        child,
        port: 0,
        site,
        out,
    };
    let stderr = served.child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let expected = format!("warning: content/articles/da-nang.md: the address of this page changed since the last publish: /tin-tuc/cu/ → {PAGE}; publish will keep the old address as a redirect to the new one (to keep the old address instead, write `slug: cu`)");
    let start = Instant::now();
    loop {
        let line = rx
            .recv_timeout(LIMIT.saturating_sub(start.elapsed()))
            .expect("serve warns within a minute");
        if line == expected {
            break;
        }
    }
}
