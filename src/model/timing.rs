//! Scheduled publishing and expiry: which checked articles the build clock
//! lets into the site, and what waits for a later build.

use std::path::Path;

use crate::diagnostic::msg::Article as Say;
use crate::diagnostic::Diagnostic;
use crate::model::build::UnlinkedArticle;
use crate::text::clock::Clock;
use crate::text::date::{self, When};

/// Articles held back because their `date` is after the build clock (in a
/// preview they are shown, marked, and still counted here).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    pub count: usize,
    /// When the first of them is due.
    pub next: Option<When>,
}

/// The `expires:` moment of an article dated `date`, checked.
pub fn expires(
    text: Option<&str>,
    date: Option<When>,
    path: &Path,
    line: impl Fn() -> usize,
) -> Result<Option<When>, Diagnostic> {
    let Some(text) = text else { return Ok(None) };
    let value = text.to_string();
    let when = date::parse(text).map_err(|why| {
        let key = "expires".into();
        Diagnostic::new(
            path,
            Say::BadDate {
                key,
                value: value.clone(),
                why,
            },
        )
        .at_line(line())
    })?;
    match date {
        Some(d) if when.at <= d.at => {
            Err(Diagnostic::new(path, Say::ExpiresBeforeDate { value }).at_line(line()))
        }
        _ => Ok(Some(when)),
    }
}

/// Keeps the drafts the clock shows; counts those not yet due.
pub fn hold_back<T>(
    drafts: Vec<(UnlinkedArticle, T)>,
    clock: &Clock,
) -> (Vec<(UnlinkedArticle, T)>, Pending) {
    let mut pending = Pending::default();
    let kept = drafts
        .into_iter()
        .filter(|(d, _)| {
            let a = &d.article;
            if clock.is_scheduled(a.date) && !clock.is_expired(a.expires) {
                pending.count += 1;
                pending.next = Some(pending.next.map_or(a.date, |n| n.min(a.date)));
            }
            clock.shows(a.date, a.expires)
        })
        .collect();
    (kept, pending)
}

impl Pending {
    /// The line `build` prints, or None when nothing waits.
    pub fn held_back(&self) -> Option<String> {
        let next = self.next?;
        Some(format!(
            "{} scheduled article{} held back; the next is due {} (build or publish again after that)",
            self.count,
            plural(self.count),
            shown(next)
        ))
    }

    /// The line `serve` prints, or None when nothing waits.
    pub fn previewed(&self) -> Option<String> {
        let next = self.next?;
        Some(format!(
            "{} scheduled article{} shown marked \"chưa đăng\" (not on the published site yet); the next is due {}",
            self.count,
            plural(self.count),
            shown(next)
        ))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `2026-12-05 08:00`, as `--clock` and front matter write it.
fn shown(w: When) -> String {
    w.at.strftime("%Y-%m-%d %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        let p = Pending {
            count: 2,
            next: Some(date::parse("2026-12-05 08:00").unwrap()),
        };
        assert_eq!(p.held_back().unwrap(), "2 scheduled articles held back; the next is due 2026-12-05 08:00 (build or publish again after that)");
        assert_eq!(Pending::default().held_back(), None);
    }

    #[test]
    fn expires_must_follow_the_date() {
        let d = date::parse("2026-12-05").ok();
        let e = expires(Some("2026-12-04"), d, Path::new("a.md"), || 4).unwrap_err();
        assert!(
            e.to_string().contains("not after the article's `date`"),
            "{e}"
        );
        assert!(expires(Some("2026-12-06"), d, Path::new("a.md"), || 4)
            .unwrap()
            .is_some());
    }
}
