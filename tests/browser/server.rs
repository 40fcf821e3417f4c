//! A static file server on 127.0.0.1, as a web host would serve the output:
//! `/a/` → `a/index.html`, unknown paths → `404.html` with status 404.
//!
//! The port is taken when the server starts, before the site is built, so the
//! build can be given `--base-url http://127.0.0.1:<port>/`; files are looked up
//! at each request.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub struct Server {
    port: u16,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Serves `root` (which may not exist yet) until dropped.
    pub fn start(root: &Path) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
        let port = listener
            .local_addr()
            .expect("the listener's address")
            .port();
        let stop = Arc::new(AtomicBool::new(false));
        let (root, flag) = (root.to_path_buf(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let root = root.clone();
                // The browser opens several connections at once.
                std::thread::spawn(move || {
                    let _ = answer(&root, conn);
                });
            }
        });
        Server { port, stop }
    }

    /// `http://127.0.0.1:<port>/`
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// The full address of a site path (`/tin-moi/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url(), path.trim_start_matches('/'))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// Answers one request and closes the connection.
fn answer(root: &Path, mut conn: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // The headers are read and ignored.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = percent_decode(target.split(['?', '#']).next().unwrap_or("/"));
    let (status, file) = resolve(root, &path);
    let (status, body, kind) = match (status, file.as_deref().map(std::fs::read)) {
        (301, _) => (301, Vec::new(), "text/plain"),
        (s, Some(Ok(bytes))) => (s, bytes, content_type(file.as_deref().unwrap_or(root))),
        _ => (404, b"not found".to_vec(), "text/plain"),
    };
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        _ => "Not Found",
    };
    let mut head = format!("HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    if status == 301 {
        head.push_str(&format!(
            "Location: {}/\r\n",
            target.split(['?', '#']).next().unwrap_or("")
        ));
    }
    head.push_str("\r\n");
    conn.write_all(head.as_bytes())?;
    if method != "HEAD" {
        conn.write_all(&body)?;
    }
    conn.flush()
}

/// The status and the file to send for a decoded URL path.
fn resolve(root: &Path, path: &str) -> (u16, Option<PathBuf>) {
    let not_found = (404, Some(root.join("404.html")));
    let rel = path.trim_start_matches('/');
    if rel.split('/').any(|seg| seg == "..") {
        return not_found;
    }
    let p = root.join(rel);
    if p.is_dir() {
        if !path.ends_with('/') {
            return (301, None);
        }
        let index = p.join("index.html");
        return if index.is_file() {
            (200, Some(index))
        } else {
            not_found
        };
    }
    if p.is_file() {
        (200, Some(p))
    } else {
        not_found
    }
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// `%C3%A1` → `á`; anything malformed is kept as written.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = (b[i] == b'%')
            .then(|| s.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(v) => {
                out.push(v);
                i += 3;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
