//! `trangtin serve`: build, serve the output on loopback, watch content/ and
//! themes/, rebuild what an edit changed, and reload the open pages.
//!
//! Threads: the HTTP server ([`http`]) answers from the output folder; the
//! main thread waits for file changes ([`watch`]), rebuilds ([`session`]) and
//! tells the pages ([`live`]). A content error never stops the server: the
//! last good site stays on disk and the pages show the error over it.

mod disk;
pub mod files;
pub mod http;
pub mod live;
mod quick;
pub mod session;
pub mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use session::{Outcome, Session};

use crate::diagnostic::msg::serve::Serve;
use crate::diagnostic::show::{self, Printer};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::text::Lang;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// Where the served files are written; default: a folder in the system's
    /// temporary folder, so `serve` never touches the site's output/.
    pub output: Option<PathBuf>,
    pub bind: IpAddr,
    /// 0 picks a free port (the address is printed).
    pub port: u16,
    pub drafts: bool,
    pub open: bool,
    pub quiet: bool,
    /// `--clock`; None is now at each full rebuild.
    pub clock: Option<jiff::civil::DateTime>,
    /// How problems are printed, and the language of everything said.
    pub out: Printer,
}

/// Runs until the process is stopped; returns the exit status on failure to start.
pub fn run(opts: &ServeOptions) -> i32 {
    let out = &opts.out;
    let lang = out.lang;
    if !opts.root.join("content").is_dir() {
        out.print_one(&Diagnostic::new(
            opts.root.join("content"),
            Serve::NoContent,
        ));
        return 1;
    }
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| default_output(&opts.root));
    // The same rules as `build`, checked before the server starts.
    let output = match crate::output_rules::check(&opts.root, &output) {
        Ok(o) => o,
        Err(e) => {
            out.print_one(&e);
            return 1;
        }
    };
    let listener = match http::listen(SocketAddr::new(opts.bind, opts.port)) {
        Ok(l) => l,
        Err(e) => {
            let address = format!("{}:{}", opts.bind, opts.port);
            let why = e.to_string();
            out.print_one(&Diagnostic::in_flag(
                "--port",
                Serve::CannotListen { address, why },
            ));
            return 2;
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(opts.port);
    let host = if opts.bind.is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        host_of(opts.bind)
    };
    let url = format!("http://{host}:{port}/");
    let mut session = Session::new(session::ServeOptions {
        root: opts.root.clone(),
        output: output.clone(),
        drafts: opts.drafts,
        base_url: url.clone(),
    })
    .with_clock(opts.clock);
    let shared = Arc::new(http::Shared::new(output.clone()));
    shared.hub.set_lang(lang);
    let outcome = session.full();
    report(&outcome, opts.quiet, out);
    shared
        .hub
        .publish(outcome.changed > 0, page_text(&outcome, lang));

    let mut watcher = match watch::Watcher::start(&opts.root) {
        Ok(w) => w,
        Err(e) => {
            out.print_one(&e);
            return 1;
        }
    };
    let server = Arc::clone(&shared);
    if std::thread::Builder::new()
        .name("trangtin-listen".into())
        .spawn(move || http::run(listener, server))
        .is_err()
    {
        out.print_one(&Diagnostic::new(&opts.root, Serve::NoServerThread));
        return 1;
    }
    let files = output.display();
    println!(
        "{}",
        lang.pick(
            format!("đang chạy tại {url} (các tệp ở {files}); bấm Ctrl+C để dừng"),
            format!("serving {url} (files in {files}); press Ctrl+C to stop"),
        )
    );
    if let Some(w) = exposure_warning(opts.bind, lang) {
        eprintln!("{w}");
    }
    if opts.open {
        open_browser(&url, lang);
    }
    loop {
        // The search index is made once the editor pauses: pages come first.
        // Photos made in the background are looked for as often.
        let idle = if session.search_pending() || session.photos_busy() {
            Duration::from_millis(300)
        } else {
            Duration::from_secs(3600)
        };
        let outcome = match watcher.next(idle) {
            watch::Next::Stopped => break,
            watch::Next::Idle if session.photos_busy() => {
                guarded(&mut session, Session::photos_ready, lang)
            }
            watch::Next::Idle => {
                let o = guarded(&mut session, Session::refresh_search, lang);
                if o.errors.is_some() {
                    report(&o, opts.quiet, out);
                    shared.hub.publish(false, page_text(&o, lang));
                }
                continue;
            }
            watch::Next::Changed(batch) => guarded(&mut session, |s| s.apply(&batch), lang),
        };
        if outcome.elapsed.is_zero() && outcome.errors.is_none() {
            continue;
        }
        report(&outcome, opts.quiet, out);
        shared
            .hub
            .publish(outcome.changed > 0, page_text(&outcome, lang));
    }
    0
}

/// The errors as the open pages show them: one line each, in `lang`.
fn page_text(o: &Outcome, lang: Lang) -> Option<String> {
    o.errors
        .as_ref()
        .map(|errors: &Diagnostics| errors.iter().map(|d| show::short(d, lang) + "\n").collect())
}

/// Runs one rebuild; a bug that panics in it must not stop the server: the
/// session starts afresh with a full rebuild, and the last site stays served.
fn guarded(
    session: &mut Session,
    run: impl FnOnce(&mut Session) -> Outcome,
    lang: Lang,
) -> Outcome {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(session))) {
        Ok(outcome) => outcome,
        Err(_) => {
            eprintln!(
                "{}",
                lang.pick(
                    "lỗi bên trong trangtin khi dựng lại (xin hãy báo lỗi này); đang dựng lại toàn bộ",
                    "internal error in trangtin while rebuilding (please report it); rebuilding everything",
                )
            );
            let options = session.options().clone();
            *session = Session::new(options);
            session.full()
        }
    }
}

/// Said when the preview can be reached from other computers.
pub fn exposure_warning(bind: IpAddr, lang: Lang) -> Option<String> {
    (!bind.is_loopback()).then(|| lang.pick(
        format!("cảnh báo: mở ở địa chỉ {bind} thì các máy tính khác cũng xem được bản xem trước (kể cả bản nháp); hãy dùng --bind 127.0.0.1 nếu không cố ý như vậy"),
        format!("warning: listening on {bind} makes the preview (drafts included) reachable from other computers; use --bind 127.0.0.1 unless you mean it"),
    ))
}

fn host_of(ip: IpAddr) -> String {
    match ip {
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) => v4.to_string(),
    }
}

/// One folder per site in the temporary folder, reused across runs.
fn default_output(root: &Path) -> PathBuf {
    let real = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let key = crate::hash::stable(real.to_string_lossy().as_bytes());
    std::env::temp_dir().join(format!("trangtin-serve-{:08x}", key as u32))
}

fn report(o: &Outcome, quiet: bool, out: &Printer) {
    let lang = out.lang;
    for w in &o.warnings {
        out.print_one(w);
    }
    match &o.errors {
        Some(errors) => {
            out.print(errors);
            out.print_summary(
                errors.len(),
                lang.pick(
                    "vẫn đang chạy bản trang đúng gần nhất.",
                    "still serving the last good site.",
                ),
            );
        }
        None if !quiet => {
            let (pages, files, ms) = (o.rendered, o.changed, o.elapsed.as_millis());
            let line = match (lang, o.full) {
                (Lang::Vi, true) => {
                    format!("đã dựng: {pages} trang, {files} tệp thay đổi trong {ms} ms")
                }
                (Lang::Vi, false) => {
                    format!("đã dựng lại: {pages} trang, {files} tệp thay đổi trong {ms} ms")
                }
                (Lang::En, true) => {
                    format!("built: {pages} pages rendered, {files} files changed in {ms} ms")
                }
                (Lang::En, false) => {
                    format!("rebuilt: {pages} pages rendered, {files} files changed in {ms} ms")
                }
            };
            println!("{line}");
            if let Some(line) = o.pending.previewed().filter(|_| o.full) {
                println!("{line}");
            }
            if o.photos_pending > 0 {
                let n = o.photos_pending;
                println!(
                    "{}",
                    lang.pick(
                        format!("ảnh: đang làm {n} ảnh ở phía sau; trong lúc chờ, trang dùng ảnh gốc và sẽ tự tải lại"),
                        format!("photos: making {n} in the background; pages show the originals meanwhile and reload when they are ready"),
                    )
                );
            }
        }
        None => {}
    }
}

fn open_browser(url: &str, lang: Lang) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_err()
    {
        eprintln!(
            "{}",
            lang.pick(
                format!("không mở được trình duyệt; hãy tự mở {url}"),
                format!("cannot open a browser; open {url} yourself"),
            )
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_is_quiet() {
        assert_eq!(
            exposure_warning("127.0.0.1".parse().unwrap(), Lang::En),
            None
        );
        assert_eq!(exposure_warning("::1".parse().unwrap(), Lang::Vi), None);
        let w = exposure_warning("0.0.0.0".parse().unwrap(), Lang::Vi).unwrap();
        assert!(w.starts_with("cảnh báo: mở ở địa chỉ 0.0.0.0"), "{w}");
        let w = exposure_warning("0.0.0.0".parse().unwrap(), Lang::En).unwrap();
        assert!(w.starts_with("warning: listening on 0.0.0.0 makes the preview (drafts included) reachable from other computers"), "{w}");
    }
}
