//! What `publish` prints: a one-line summary, the files when there are few
//! (all of them on a dry run), and failures in the target's own words, in the
//! language of the run.

use crate::diagnostic::show::Printer;
use crate::diagnostic::Diagnostics;
use crate::publish::plan::Change;
use crate::publish::Outcome;
use crate::render::redirects::shown;
use crate::text::Lang;

/// Longest list of files printed after a real publish.
const LIST_LIMIT: usize = 50;

pub fn print(o: &Outcome, out: &Printer) {
    let l = out.lang;
    for w in &o.warnings {
        out.print_one(w);
    }
    if let Some((from, to)) = &o.rolled_back {
        println!(
            "{}",
            l.pick(
                format!(
                    "đã quay lại {}: bản phát hành {from} → bản phát hành {to}",
                    o.target
                ),
                format!("rolled back {}: release {from} → release {to}", o.target),
            )
        );
        return;
    }
    let listed = o.added.len() + o.changed.len() + o.deleted.len();
    if o.dry_run || listed <= LIST_LIMIT {
        list(o, l);
    }
    if let Some(text) = redirects(o, l) {
        println!("{text}");
    }
    println!("{}", summary(o, l));
    if !o.pruned.is_empty() {
        let names = o.pruned.join(", ");
        println!(
            "{}",
            l.pick(
                format!("đã xóa các bản phát hành cũ: {names}"),
                format!("removed old releases: {names}"),
            )
        );
    }
}

fn list(o: &Outcome, l: Lang) {
    let verb = |now: (&str, &str), then: (&str, &str)| {
        if o.dry_run {
            l.pick(format!("sẽ {}", now.0), format!("would {}", now.1))
        } else {
            l.pick(then.0, then.1).to_string()
        }
    };
    for (mark, now, then, files) in [
        ("+", ("thêm", "add"), ("đã thêm", "added"), &o.added),
        ("~", ("sửa", "change"), ("đã sửa", "changed"), &o.changed),
        ("-", ("xóa", "delete"), ("đã xóa", "deleted"), &o.deleted),
    ] {
        if files.is_empty() {
            continue;
        }
        println!(
            "{} {} ({}):",
            verb(now, then),
            count(files.len(), l),
            size(total(files))
        );
        for c in files.iter() {
            println!("  {mark} {}  ({})", c.path, size(c.size));
        }
    }
}

/// `↪ 1 redirect kept: /tin-tuc/old/ → /tin-tuc/new/`, one line each when more.
pub fn redirects(o: &Outcome, l: Lang) -> Option<String> {
    let shown = |(from, to): &(String, String)| format!("{} → {}", shown(from), shown(to));
    let n = o.redirects.len();
    let head = match (o.dry_run, l) {
        (true, Lang::Vi) => format!("↪ sẽ giữ {n} chuyển hướng"),
        (false, Lang::Vi) => format!("↪ đã giữ {n} chuyển hướng"),
        (true, Lang::En) => format!("↪ would keep {n} redirect{}", plural(n)),
        (false, Lang::En) => format!("↪ {n} redirect{} kept", plural(n)),
    };
    match o.redirects.as_slice() {
        [] => None,
        [one] => Some(format!("{head}: {}", shown(one))),
        all => {
            let lines: Vec<String> = all.iter().map(|r| format!("  {}", shown(r))).collect();
            Some(format!(
                "{head} ({}):\n{}",
                l.pick("địa chỉ cũ → trang mới", "old address → new page"),
                lines.join("\n")
            ))
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `published to X (release N): 2 added, 1 changed, 0 deleted, 31 unchanged; 9.1 kB sent in 0.42 s`
pub fn summary(o: &Outcome, l: Lang) -> String {
    let (a, c, d, u) = (o.added.len(), o.changed.len(), o.deleted.len(), o.unchanged);
    let what = l.pick(
        format!("{a} thêm, {c} sửa, {d} xóa, {u} giữ nguyên"),
        format!("{a} added, {c} changed, {d} deleted, {u} unchanged"),
    );
    let target = &o.target;
    if o.dry_run {
        let bytes = size(total(&o.added) + total(&o.changed));
        return l.pick(
            format!("chạy thử, chưa thay đổi gì ở {target}: sẽ gửi {what}; {bytes} dữ liệu"),
            format!("dry run, nothing changed at {target}: would send {what}; {bytes} of files"),
        );
    }
    let release = o
        .release
        .as_ref()
        .map(|r| l.pick(format!(" (bản phát hành {r})"), format!(" (release {r})")))
        .unwrap_or_default();
    if o.added.is_empty() && o.changed.is_empty() && o.deleted.is_empty() {
        return l.pick(
            format!(
                "không có gì để đăng: {target}{release} đã có bản dựng này; {u} tệp giữ nguyên"
            ),
            format!(
                "nothing to publish: {target}{release} already has this build; {u} files unchanged"
            ),
        );
    }
    let sent = size(o.bytes_sent);
    let secs = o.elapsed.as_secs_f64();
    match (l, o.local) {
        (Lang::Vi, true) => {
            format!("đã đăng lên {target}{release}: {what}; đã chép {sent} trong {secs:.2} giây")
        }
        (Lang::Vi, false) => {
            format!("đã đăng lên {target}{release}: {what}; đã gửi {sent} trong {secs:.2} giây")
        }
        (Lang::En, true) => {
            format!("published to {target}{release}: {what}; {sent} copied in {secs:.2} s")
        }
        (Lang::En, false) => {
            format!("published to {target}{release}: {what}; {sent} sent in {secs:.2} s")
        }
    }
}

pub fn print_failure(errors: &Diagnostics, out: &Printer) {
    out.print(errors);
    out.print_summary(
        errors.len(),
        out.lang.pick(
            "việc đăng đã dừng; hãy sửa lỗi ở trên rồi chạy lại đúng lệnh đó.",
            "publish stopped; fix the problem above and run the same command again.",
        ),
    );
}

fn total(files: &[Change]) -> u64 {
    files.iter().map(|c| c.size).sum()
}

fn count(n: usize, l: Lang) -> String {
    l.pick(format!("{n} tệp"), format!("{n} file{}", plural(n)))
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
            redirects(&o, Lang::En).unwrap(),
            "↪ 1 redirect kept: /tin-tuc/cu/ → /tin-tuc/moi/"
        );
        o.redirects
            .push(("a/index.html".into(), "b/index.html".into()));
        assert_eq!(
            redirects(&o, Lang::En).unwrap(),
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
        assert!(summary(&o, Lang::Vi)
            .starts_with("chạy thử, chưa thay đổi gì ở /var/www/x: sẽ gửi 1 thêm"));
        assert_eq!(summary(&o, Lang::En), "dry run, nothing changed at /var/www/x: would send 1 added, 0 changed, 0 deleted, 0 unchanged; 2.0 kB of files");
    }
}
