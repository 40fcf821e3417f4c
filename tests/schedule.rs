//! The weekly work schedule: the current week by the build clock, a page per
//! week, errors for dates outside a file's week and bad file names, and the
//! iCalendar feeds read back by a real parser (Python's `icalendar`).

mod common;

use std::process::Command;

use common::{text_of, Site};

const PEOPLE: &str = "- { id: le-van-a, name: Lê Văn A, position: Bí thư }\n";

const W49: &str = "\
- date: 2026-11-30
  session: sáng
  content: Giao ban Thường trực; chuẩn bị hội nghị, tổng kết
  people: [le-van-a]
  place: Phòng họp số 1
  participants: Thường trực Thị ủy
  prepares: Văn phòng
- date: 2026-12-02
  time: \"14:00\"
  content: Làm việc với phường An Mỹ về phát triển đảng viên trong năm 2026 và kế hoạch 2027
";

fn with_schedule() -> Site {
    let site = Site::new("minimal");
    site.write("content/people.yaml", PEOPLE);
    site.write("content/schedule/2026-W49.yaml", W49);
    site.write(
        "content/schedule/2026-W47.yaml",
        "- { date: 2026-11-17, content: Họp chi bộ }\n",
    );
    site
}

#[test]
fn the_current_week_by_the_clock_with_links_to_other_weeks() {
    let site = with_schedule();
    let run = site.build(&["--clock", "2026-12-02 09:00"]).ok();
    let main = run.main("/lich-cong-tac/");
    assert!(main.contains("Tuần 49 (30/11/2026 – 06/12/2026)"), "{main}");
    let text = text_of(&main);
    assert!(text.contains("Thứ Hai, 30/11/2026"), "{text}");
    assert!(
        text.contains("Sáng Giao ban Thường trực; chuẩn bị hội nghị, tổng kết"),
        "{text}"
    );
    assert!(text.contains("Đơn vị chuẩn bị Văn phòng"), "{text}");
    assert!(
        main.contains(r#"<a href="/lanh-dao/le-van-a/">Lê Văn A</a>"#),
        "{main}"
    );
    assert!(
        main.contains(r#"<a rel="prev" href="/lich-cong-tac/2026-W47/">‹ Tuần 47 (2026)</a>"#),
        "{main}"
    );
    assert!(!main.contains(r#"rel="next""#), "no later week: {main}");
    let home = text_of(&run.main("/"));
    assert!(
        home.contains("Lịch công tác Thứ Tư, 02/12/2026 · 14:00 Làm việc với phường An Mỹ"),
        "the home block shows what is left of the week: {home}"
    );
    assert!(
        !home.contains("Giao ban Thường trực"),
        "not the days gone: {home}"
    );
    let w47 = run.main("/lich-cong-tac/2026-W47/");
    assert!(
        w47.contains(r#"<a rel="next" href="/lich-cong-tac/2026-W49/">Tuần 49 (2026) ›</a>"#),
        "{w47}"
    );

    let later = site.build(&["--clock", "2026-12-08 09:00"]).ok();
    let main = later.main("/lich-cong-tac/");
    assert!(
        main.contains(r#"Tuần này chưa có lịch công tác. Lịch gần nhất: <a href="/lich-cong-tac/2026-W49/">Tuần 49 (2026)</a>"#),
        "an empty current week points to the latest: {main}"
    );
}

#[test]
fn wrong_weeks_are_reported() {
    let site = with_schedule();
    site.write("content/schedule/tuan-49.yaml", "[]\n");
    site.edit("content/schedule/2026-W49.yaml", |t| {
        t.replacen("2026-12-02", "2026-12-07", 1)
            .replacen("session: sáng", "session: trưa", 1)
            .replacen("[le-van-a]", "[ai-do]", 1)
    });
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    for expected in [
        "content/schedule/tuan-49.yaml: the file name `tuan-49.yaml` is not an ISO week; name each week's file like 2026-W49.yaml",
        "content/schedule/2026-W49.yaml:8: date: `2026-12-07` is not in week 2026-W49; move the item to that week's file or fix the date",
        "content/schedule/2026-W49.yaml:1: session: `trưa` is not a session; write sáng, chiều or tối",
        "content/schedule/2026-W49.yaml:1: unknown person `ai-do`",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\nin:\n{}", run.stderr);
    }
}

/// Parses an .ics with Python's `icalendar` and prints one line per event.
fn parse_ics(path: &std::path::Path) -> String {
    let script = r#"
import sys, icalendar
c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
print(c.get('X-WR-TIMEZONE'))
for e in c.walk('VEVENT'):
    s = e['DTSTART']
    fields = [e['SUMMARY'], s.dt.isoformat(), s.params.get('TZID'), e.get('LOCATION'), e.get('DESCRIPTION')]
    print('|'.join(str(f).replace(chr(10), '/') for f in fields))
"#;
    // Debian's python3 with Debian's python3-icalendar (tests/run installs it);
    // not a user's pip packages, so every machine reads with the same parser.
    let out = Command::new("/usr/bin/python3")
        .env("PYTHONNOUSERSITE", "1")
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "/usr/bin/python3 with python3-icalendar (tests/run installs it) read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_calendars_parse_with_a_real_icalendar_parser() {
    let site = with_schedule();
    let run = site.build(&["--clock", "2026-12-02 09:00"]).ok();
    let raw = run.read("lich-cong-tac/lich.ics");
    for line in raw.split("\r\n") {
        assert!(line.len() <= 75, "a line longer than 75 octets: {line}");
    }
    assert!(
        raw.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n"),
        "{raw}"
    );
    let site_cal = parse_ics(&run.output.join("lich-cong-tac/lich.ics"));
    assert_eq!(
        site_cal,
        "Asia/Ho_Chi_Minh\n\
         Họp chi bộ|2026-11-17|None|None|None\n\
         Giao ban Thường trực; chuẩn bị hội nghị, tổng kết|2026-11-30T07:30:00+07:00|Asia/Ho_Chi_Minh|Phòng họp số 1|Lê Văn A/Thường trực Thị ủy/Văn phòng\n\
         Làm việc với phường An Mỹ về phát triển đảng viên trong năm 2026 và kế hoạch 2027|2026-12-02T14:00:00+07:00|Asia/Ho_Chi_Minh|None|None\n"
    );
    let person = parse_ics(&run.output.join("lanh-dao/le-van-a/lich.ics"));
    assert_eq!(person.lines().count(), 2, "only their item: {person}");
    let page = run.main("/lanh-dao/le-van-a/");
    assert!(
        page.contains(r#"<a href="/lanh-dao/le-van-a/lich.ics" download>"#),
        "{page}"
    );
}
