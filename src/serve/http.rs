//! A small HTTP/1.1 server for the preview: GET and HEAD of files in the output
//! folder, one thread per connection, each connection closed after its answer.
//!
//! Written on std rather than with a crate: it serves one person's browser on
//! loopback, needs a stream that is flushed event by event (tiny_http buffers
//! chunked bodies), and an async stack would add dozens of crates to the build.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use super::files::{self, Target};
use super::live::{self, Hub};

/// What every connection needs.
pub struct Shared {
    pub output: PathBuf,
    pub hub: Hub,
    open: AtomicUsize,
}

impl Shared {
    pub fn new(output: PathBuf) -> Self {
        Shared {
            output,
            hub: Hub::default(),
            open: AtomicUsize::new(0),
        }
    }
}

/// More connections than this at once get 503. A browser opens a handful; a
/// burst of 1,000 (the load test) must still be served.
const MAX_OPEN: usize = 1024;
/// Each connection's thread only copies a file: a small stack is plenty.
const THREAD_STACK: usize = 128 * 1024;
const MAX_HEAD: usize = 16 * 1024;

/// How many connections may wait to be accepted. std listens with 128: a
/// burst beyond that overflows the kernel's queue, and on a loaded machine
/// some of those connections are reset instead of waiting.
const BACKLOG: i32 = 1024;

/// A listening socket on `addr`, as [`TcpListener::bind`] makes it (address
/// reuse, close-on-exec) but with a deeper queue.
pub fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    use rustix::net::{self, sockopt, AddressFamily, SocketFlags, SocketType};
    let family = match addr {
        SocketAddr::V4(_) => AddressFamily::INET,
        SocketAddr::V6(_) => AddressFamily::INET6,
    };
    let fd = net::socket_with(family, SocketType::STREAM, SocketFlags::CLOEXEC, None)?;
    sockopt::set_socket_reuseaddr(&fd, true)?;
    net::bind(&fd, &addr)?;
    net::listen(&fd, BACKLOG)?;
    Ok(TcpListener::from(fd))
}

/// Accepts connections until the process ends.
pub fn run(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if shared.open.fetch_add(1, Ordering::SeqCst) >= MAX_OPEN {
            shared.open.fetch_sub(1, Ordering::SeqCst);
            let mut s = stream;
            let _ = respond(
                &mut s,
                503,
                "text/plain; charset=utf-8",
                &[],
                b"busy\n",
                false,
            );
            continue;
        }
        let shared = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("trangtin-http".into())
            .stack_size(THREAD_STACK)
            .spawn(move || {
                let _ = handle(stream, &shared);
                shared.open.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            // No thread to be had: the connection was dropped with the closure.
            continue;
        }
    }
}

fn handle(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let Some((method, target)) = read_head(&stream)? else {
        return respond(
            &mut stream,
            400,
            "text/plain; charset=utf-8",
            &[],
            b"bad request\n",
            false,
        );
    };
    let head_only = method == "HEAD";
    if method != "GET" && !head_only {
        return respond(
            &mut stream,
            405,
            "text/plain; charset=utf-8",
            &[("Allow", "GET, HEAD")],
            b"only GET and HEAD\n",
            false,
        );
    }
    let path = target.split('?').next().unwrap_or_default();
    if path == live::EVENTS_PATH {
        stream.set_read_timeout(None)?;
        return live::stream(&shared.hub, &mut stream);
    }
    if path == live::SCRIPT_PATH {
        return respond(
            &mut stream,
            200,
            "text/javascript; charset=utf-8",
            &[],
            live::script(shared.hub.current().lang).as_bytes(),
            head_only,
        );
    }
    match files::resolve(&shared.output, &target) {
        Target::File(file) => {
            let body = std::fs::read(&file)?;
            let kind = files::media_type(&file);
            let body = if kind.starts_with("text/html") {
                live::inject(&body, &shared.hub.current())
            } else {
                body
            };
            respond(&mut stream, 200, kind, &[], &body, head_only)
        }
        Target::Redirect(to) => respond(
            &mut stream,
            301,
            "text/plain; charset=utf-8",
            &[("Location", &to)],
            b"moved\n",
            head_only,
        ),
        Target::NotFound => {
            let state = shared.hub.current();
            let html = "text/html; charset=utf-8";
            let (page, kind) = match std::fs::read(shared.output.join("404.html")) {
                Ok(page) => (live::inject(&page, &state), html),
                Err(_) if state.error.is_some() => (live::error_page(&state), html),
                Err(_) => (
                    state
                        .lang
                        .pick("không có trang này\n", "not found\n")
                        .as_bytes()
                        .to_vec(),
                    "text/plain; charset=utf-8",
                ),
            };
            respond(&mut stream, 404, kind, &[], &page, head_only)
        }
        Target::Refused => respond(
            &mut stream,
            403,
            "text/plain; charset=utf-8",
            &[],
            b"forbidden\n",
            head_only,
        ),
    }
}

/// The request line's method and target; the headers are read and dropped.
fn read_head(stream: &TcpStream) -> std::io::Result<Option<(String, String)>> {
    let mut reader = BufReader::new(stream.take(MAX_HEAD as u64));
    let mut first = String::new();
    if reader.read_line(&mut first)? == 0 {
        return Ok(None);
    }
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            // The head did not end within the limit.
            return Ok(None);
        }
        if line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = first.split_whitespace();
    match (parts.next(), parts.next(), parts.next()) {
        (Some(m), Some(t), Some(v)) if v.starts_with("HTTP/1.") && t.starts_with('/') => {
            Ok(Some((m.to_string(), t.to_string())))
        }
        _ => Ok(None),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    kind: &str,
    extra: &[(&str, &str)],
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Service Unavailable",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}
