//! What the search browser test and bench share: a static file server on
//! 127.0.0.1 (as any static host would serve the built site) and headless
//! Chromium driven through chromedriver.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Serves `dir` at `http://127.0.0.1:<port><prefix>` until the process ends.
/// Returns the port. `prefix` is the site's base path (`/dang-bo/`).
pub fn serve(dir: PathBuf, prefix: &'static str) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
    let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || answer(stream, &dir, prefix));
        }
    });
    port
}

/// Answers GET requests on one connection until the browser closes it
/// (keep-alive, as real web servers do).
fn answer(mut stream: TcpStream, dir: &Path, prefix: &str) {
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).map_or(true, |n| n == 0) {
            return;
        }
        // Headers are not needed, but must be read past.
        let mut header = String::new();
        while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
            header.clear();
        }
        let target = line.split_whitespace().nth(1).unwrap_or("/");
        let (status, body, kind) = file(dir, prefix, target);
        let head = format!("HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: keep-alive\r\n\r\n", body.len());
        // One write: head and body in two would meet Nagle's delay.
        let mut reply = head.into_bytes();
        reply.extend_from_slice(&body);
        if stream.write_all(&reply).is_err() {
            return;
        }
    }
}

/// Status, body and content type for a request target.
fn file(dir: &Path, prefix: &str, target: &str) -> (&'static str, Vec<u8>, &'static str) {
    let path = percent_decode(target.split('?').next().unwrap_or("/"));
    let file = path.strip_prefix(prefix).map(|rel| {
        let rel = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_string()
        };
        dir.join(rel)
    });
    match file
        .filter(|_| !path.contains(".."))
        .and_then(|f| std::fs::read(&f).ok().map(|b| (b, f)))
    {
        Some((body, f)) => ("200 OK", body, content_type(&f)),
        None => (
            "404 Not Found",
            b"not found".to_vec(),
            "text/plain; charset=utf-8",
        ),
    }
}

fn content_type(f: &Path) -> &'static str {
    match f.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("json") => "application/json",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// chromedriver, stopped when dropped.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    })
}

/// Starts chromedriver when it and Chromium are installed. Without them:
/// under CI a failure (tests never skip there), elsewhere a notice and `None`.
pub fn driver() -> Option<Driver> {
    let (Some(driver), Some(_)) = (
        find_program(&["chromedriver"]),
        find_program(&["chromium", "chromium-browser", "google-chrome"]),
    ) else {
        let msg = "chromium and chromedriver are needed for the browser tests; install them with `apt-get install chromium chromium-driver` (tests/run does this)";
        assert!(
            std::env::var_os("CI").is_none_or(|v| v.is_empty()),
            "CI is set and {msg}"
        );
        eprintln!("notice: {msg}; the browser checks were not run");
        return None;
    };
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "chromedriver did not open port {port} within 30 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(Driver { child, port })
}

/// Runs the browser steps of a test or the bench to the end, on one thread.
pub fn block_on<F: std::future::Future>(steps: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
        .block_on(steps)
}

/// A headless Chromium session on `driver`.
pub async fn browser(driver: &Driver) -> fantoccini::Client {
    let chrome =
        find_program(&["chromium", "chromium-browser", "google-chrome"]).unwrap_or_default();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "binary": chrome, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900"] }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    fantoccini::ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a Chromium session through chromedriver")
}
