//! What `publish` prints: a one-line summary, the files when there are few
//! (all of them on a dry run), and failures in the target's own words.

use crate::diagnostic::Diagnostics;
use crate::publish::plan::Change;
use crate::publish::Outcome;
use crate::render::redirects::shown;

/// Longest list of files printed after a real publish.
const LIST_LIMIT: usize = 50;

pub fn print(o: &Outcome) {
    for w in &o.warnings {
        eprintln!("warning: {w}");
    }
    if let Some((from, to)) = &o.rolled_back {
        println!("rolled back {}: release {from} → release {to}", o.target);
        return;
    }
    let listed = o.added.len() + o.changed.len() + o.deleted.len();
    if o.dry_run || listed <= LIST_LIMIT {
        list(o);
    }
    if let Some(text) = redirects(o) {
        println!("{text}");
    }
    println!("{}", summary(o));
    if !o.pruned.is_empty() {
        println!("removed old releases: {}", o.pruned.join(", "));
    }
}

fn list(o: &Outcome) {
    let verb = |now: &str, then: &str| {
        if o.dry_run {
            format!("would {now}")
        } else {
            then.to_string()
        }
    };
    for (mark, now, then, files) in [
        ("+", "add", "added", &o.added),
        ("~", "change", "changed", &o.changed),
        ("-", "delete", "deleted", &o.deleted),
    ] {
        if files.is_empty() {
            continue;
        }
        println!(
            "{} {} ({}):",
            verb(now, then),
            count(files.len()),
            size(total(files))
        );
        for c in files.iter() {
            println!("  {mark} {}  ({})", c.path, size(c.size));
        }
    }
}

/// `↪ 1 redirect kept: /tin-tuc/old/ → /tin-tuc/new/`, one line each when more.
pub fn redirects(o: &Outcome) -> Option<String> {
    let shown = |(from, to): &(String, String)| format!("{} → {}", shown(from), shown(to));
    let n = o.redirects.len();
    let what = format!("{n} redirect{}", if n == 1 { "" } else { "s" });
    let head = if o.dry_run {
        format!("↪ would keep {what}")
    } else {
        format!("↪ {what} kept")
    };
    match o.redirects.as_slice() {
        [] => None,
        [one] => Some(format!("{head}: {}", shown(one))),
        all => {
            let lines: Vec<String> = all.iter().map(|r| format!("  {}", shown(r))).collect();
            Some(format!(
                "{head} (old address → new page):\n{}",
                lines.join("\n")
            ))
        }
    }
}

/// `published to X (release N): 2 added, 1 changed, 0 deleted, 31 unchanged; 9.1 kB sent in 0.42 s`
pub fn summary(o: &Outcome) -> String {
    let what = format!(
        "{} added, {} changed, {} deleted, {} unchanged",
        o.added.len(),
        o.changed.len(),
        o.deleted.len(),
        o.unchanged
    );
    if o.dry_run {
        let bytes = total(&o.added) + total(&o.changed);
        return format!(
            "dry run, nothing changed at {}: would send {what}; {} of files",
            o.target,
            size(bytes)
        );
    }
    if o.added.is_empty() && o.changed.is_empty() && o.deleted.is_empty() {
        let release = o
            .release
            .as_ref()
            .map(|r| format!(" (release {r})"))
            .unwrap_or_default();
        return format!(
            "nothing to publish: {}{release} already has this build; {} files unchanged",
            o.target, o.unchanged
        );
    }
    let release = o
        .release
        .as_ref()
        .map(|r| format!(" (release {r})"))
        .unwrap_or_default();
    let moved = if o.local { "copied" } else { "sent" };
    format!(
        "published to {}{release}: {what}; {} {moved} in {:.2} s",
        o.target,
        size(o.bytes_sent),
        o.elapsed.as_secs_f64()
    )
}

pub fn print_failure(errors: &Diagnostics) {
    eprint!("{errors}");
    eprintln!("publish stopped; fix the problem above and run the same command again.");
}

fn total(files: &[Change]) -> u64 {
    files.iter().map(|c| c.size).sum()
}

fn count(n: usize) -> String {
    format!("{n} file{}", if n == 1 { "" } else { "s" })
}

/// Bytes for people: `812 B`, `12.3 kB`, `4.5 MB` (powers of 1000).
pub fn size(bytes: u64) -> String {
    let b = bytes as f64;
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", b / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", b / 1e6),
        _ => format!("{:.2} GB", b / 1e9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_for_people() {
        assert_eq!(size(812), "812 B");
        assert_eq!(size(12_345), "12.3 kB");
        assert_eq!(size(4_500_000), "4.5 MB");
    }

    #[test]
    fn kept_redirects_are_named() {
        let mut o = Outcome {
            redirects: vec![(
                "tin-tuc/cu/index.html".into(),
                "tin-tuc/moi/index.html".into(),
            )],
            ..Outcome::default()
        };
        assert_eq!(
            redirects(&o).unwrap(),
            "↪ 1 redirect kept: /tin-tuc/cu/ → /tin-tuc/moi/"
        );
        o.redirects
            .push(("a/index.html".into(), "b/index.html".into()));
        assert_eq!(
            redirects(&o).unwrap(),
            "↪ 2 redirects kept (old address → new page):\n  /tin-tuc/cu/ → /tin-tuc/moi/\n  /a/ → /b/"
        );
    }

    #[test]
    fn dry_run_summary_says_nothing_changed() {
        let o = Outcome {
            target: "/var/www/x".into(),
            dry_run: true,
            added: vec![Change {
                path: "a".into(),
                size: 2000,
            }],
            ..Outcome::default()
        };
        assert_eq!(summary(&o), "dry run, nothing changed at /var/www/x: would send 1 added, 0 changed, 0 deleted, 0 unchanged; 2.0 kB of files");
    }
}
