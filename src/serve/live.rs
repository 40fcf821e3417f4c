//! Live reload: the state every open page follows (a version that changes when
//! the site on disk changes, and the current content errors), the
//! Server-Sent Events stream that carries it, and what is added to served HTML.
//!
//! Only served responses get the script and overlay; the files on disk stay
//! exactly what `build` writes.

use std::io::Write;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use crate::text::Lang;

/// Where the browser finds the script and the event stream.
pub const SCRIPT_PATH: &str = "/__trangtin/live.js";
pub const EVENTS_PATH: &str = "/__trangtin/events";

/// What open pages are told.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LiveState {
    /// Goes up each time a rebuild changes files: pages reload.
    pub version: u64,
    /// The errors of the last rebuild, as the command line prints them.
    pub error: Option<String>,
    /// The language of the messages (the site's, or `--lang`).
    pub lang: Lang,
}

/// The shared state, and a way to wait for it to change.
#[derive(Default)]
pub struct Hub {
    state: Mutex<LiveState>,
    changed: Condvar,
}

impl Hub {
    pub fn current(&self) -> LiveState {
        self.state.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Sets the language the overlay and the error page speak.
    pub fn set_lang(&self, lang: Lang) {
        if let Ok(mut s) = self.state.lock() {
            s.lang = lang;
        }
    }

    /// Records a rebuild: `reload` when files changed, `error` when it failed.
    pub fn publish(&self, reload: bool, error: Option<String>) {
        if let Ok(mut s) = self.state.lock() {
            if reload {
                s.version += 1;
            }
            s.error = error;
        }
        self.changed.notify_all();
    }

    /// Waits until the state differs from `seen`, at most `timeout`.
    fn wait(&self, seen: &LiveState, timeout: Duration) -> Option<LiveState> {
        let guard = self.state.lock().ok()?;
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s == seen)
            .ok()?;
        (*guard != *seen).then(|| guard.clone())
    }
}

/// Streams the state to one browser until it goes away. The first event is
/// sent at once, so a page that missed a rebuild catches up.
pub fn stream(hub: &Hub, out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n")?;
    let mut seen = hub.current();
    send(out, &seen)?;
    loop {
        match hub.wait(&seen, Duration::from_secs(15)) {
            Some(next) => {
                send(out, &next)?;
                seen = next;
            }
            // A comment now and then: a closed tab shows up as a failed write.
            None => {
                out.write_all(b": ping\n\n")?;
                out.flush()?;
            }
        }
    }
}

fn send(out: &mut impl Write, s: &LiveState) -> std::io::Result<()> {
    let data = serde_json::json!({ "version": s.version, "error": s.error });
    write!(out, "event: state\ndata: {data}\n\n")?;
    out.flush()
}

/// Adds the reload script (and the error overlay when there are errors) before
/// the page's last `</body>`.
pub fn inject(html: &[u8], state: &LiveState) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(error) = &state.error {
        extra.push_str(&overlay(error, state.lang));
    }
    extra.push_str(&format!(
        "<script src=\"{SCRIPT_PATH}\" data-version=\"{}\"></script>\n",
        state.version
    ));
    let at = find_last_ci(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The overlay shown over the last good page; the error text is escaped.
pub fn overlay(error: &str, lang: Lang) -> String {
    format!(
        "<div id=\"trangtin-error\" role=\"alert\" style=\"{OVERLAY_STYLE}\"><p style=\"margin:0 0 .5em;font-weight:bold\">{}</p><pre style=\"white-space:pre-wrap;margin:0;font:14px/1.5 monospace\">{}</pre></div>\n",
        heading(lang),
        escape(error)
    )
}

/// The page served when no build has succeeded yet.
pub fn error_page(state: &LiveState) -> Vec<u8> {
    let title = state
        .lang
        .pick("trangtin: lỗi nội dung", "trangtin: content errors");
    let body = format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\n</body></html>\n",
        state.lang.code()
    );
    inject(body.as_bytes(), state)
}

fn heading(lang: Lang) -> &'static str {
    lang.pick(
        "Lỗi nội dung: trang đang hiện bản đúng gần nhất.",
        "Content errors: showing the last good version.",
    )
}
const OVERLAY_STYLE: &str = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff8f8;color:#1a1a1a;border-top:4px solid #b00000;padding:1em 1.5em;box-shadow:0 -4px 16px rgba(0,0,0,.25);font:15px/1.5 system-ui,sans-serif";

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn find_last_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The script every served page loads: follows the event stream, reloads
/// when the site changed, shows or hides the error overlay.
pub const SCRIPT: &str = r#"(function () {
  "use strict";
  var me = document.currentScript;
  var version = Number(me && me.getAttribute("data-version"));
  var heading = "HEADING";
  function show(text) {
    var box = document.getElementById("trangtin-error");
    if (!box) {
      box = document.createElement("div");
      box.id = "trangtin-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "STYLE";
      var p = document.createElement("p");
      p.style.cssText = "margin:0 0 .5em;font-weight:bold";
      p.textContent = heading;
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:0;font:14px/1.5 monospace";
      box.appendChild(p);
      box.appendChild(pre);
      document.body.appendChild(box);
    }
    box.querySelector("pre").textContent = text;
  }
  function hide() {
    var box = document.getElementById("trangtin-error");
    if (box) box.remove();
  }
  var events = new EventSource("EVENTS");
  events.addEventListener("state", function (e) {
    var s = JSON.parse(e.data);
    if (s.version !== version) {
      events.close();
      location.reload();
      return;
    }
    if (s.error) show(s.error); else hide();
  });
})();
"#;

/// [`SCRIPT`] with its placeholders filled.
pub fn script(lang: Lang) -> String {
    SCRIPT
        .replace("HEADING", heading(lang))
        .replace("STYLE", OVERLAY_STYLE)
        .replace("EVENTS", EVENTS_PATH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_last_body_end_and_escapes_errors() {
        let state = LiveState {
            version: 3,
            error: Some("content/articles/a.md:2: <b>bad</b> & \"worse\"".into()),
            lang: Lang::En,
        };
        let out = String::from_utf8(inject(b"<html><body><p>x</p></BODY></html>", &state)).unwrap();
        assert!(
            out.ends_with("data-version=\"3\"></script>\n</BODY></html>"),
            "{out}"
        );
        assert!(
            out.contains("content/articles/a.md:2: &lt;b&gt;bad&lt;/b&gt; &amp; &quot;worse&quot;"),
            "{out}"
        );
        assert!(!out.contains("<b>bad"));
        assert!(out.contains("Content errors: showing the last good version."));
    }

    #[test]
    fn the_error_page_speaks_the_site_language() {
        let mut state = LiveState {
            version: 1,
            error: Some("a.md:1: x".into()),
            lang: Lang::Vi,
        };
        let page = String::from_utf8(error_page(&state)).unwrap();
        assert!(page.contains("<html lang=\"vi\">"), "{page}");
        assert!(page.contains("Lỗi nội dung: trang đang hiện bản đúng gần nhất."));
        assert!(!page.contains("Content errors"), "{page}");
        state.lang = Lang::En;
        let page = String::from_utf8(error_page(&state)).unwrap();
        assert!(page.contains("<html lang=\"en\">") && page.contains("Content errors"));
        assert!(!page.contains("Lỗi nội dung"), "{page}");
        assert!(script(Lang::Vi).contains("Lỗi nội dung"));
    }

    #[test]
    fn appends_when_there_is_no_body_end() {
        let out = String::from_utf8(inject(b"<p>x</p>", &LiveState::default())).unwrap();
        assert!(
            out.starts_with("<p>x</p><script src=\"/__trangtin/live.js\""),
            "{out}"
        );
    }

    #[test]
    fn stream_starts_with_the_current_state() {
        let hub = Hub::default();
        hub.publish(true, Some("a.md:1: x".into()));
        let mut out = Vec::new();
        send(&mut out, &hub.current()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "event: state\ndata: {\"error\":\"a.md:1: x\",\"version\":1}\n\n"
        );
    }
}
