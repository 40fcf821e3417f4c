//! iCalendar (RFC 5545) text for the work schedule: escaping, line folding
//! and one VEVENT per item, with times in the site's time zone (TZID).

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::model::schedule::Item;

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets without splitting a character
/// (§3.1), ending in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

fn stamp(at: DateTime) -> String {
    at.strftime("%Y%m%dT%H%M%S").to_string()
}

/// DTSTAMP is in UTC (§3.8.7.2).
fn utc_stamp(at: DateTime, tz: &TimeZone) -> String {
    let utc = at
        .to_zoned_datetime(tz.clone())
        .map(|z| TimeZone::UTC.to_datetime(z.timestamp()))
        .unwrap_or(at);
    format!("{}Z", stamp(utc))
}

fn day(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

/// A VTIMEZONE for `name` with its offset at `at` (a zone without daylight
/// saving, such as Asia/Ho_Chi_Minh, needs no more).
fn vtimezone(name: &str, tz: &TimeZone, at: DateTime) -> Vec<String> {
    let secs = at
        .to_zoned_datetime(tz.clone())
        .map(|z| z.offset().seconds())
        .unwrap_or(0);
    let sign = if secs < 0 { '-' } else { '+' };
    let off = format!(
        "{sign}{:02}{:02}",
        secs.abs() / 3600,
        secs.abs() % 3600 / 60
    );
    [
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{name}"),
        "BEGIN:STANDARD".to_string(),
        "DTSTART:19700101T000000".to_string(),
        format!("TZOFFSETFROM:{off}"),
        format!("TZOFFSETTO:{off}"),
        "END:STANDARD".to_string(),
        "END:VTIMEZONE".to_string(),
    ]
    .into()
}

/// What a calendar needs besides its items.
pub struct Calendar<'a> {
    pub name: &'a str,
    pub tz_name: &'a str,
    pub tz: &'a TimeZone,
    /// When the zone's offset is read for its VTIMEZONE.
    pub at: DateTime,
    /// The site's host, for UIDs.
    pub host: &'a str,
}

/// The whole calendar. `items` pairs each item with a stable UID part and the
/// names of its people.
pub fn calendar(cal: &Calendar, items: &[(String, &Item, String)]) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//trangtin//lich cong tac//VI".into(),
        "CALSCALE:GREGORIAN".into(),
        format!("X-WR-CALNAME:{}", escape(cal.name)),
        format!("X-WR-TIMEZONE:{}", cal.tz_name),
    ];
    lines.extend(vtimezone(cal.tz_name, cal.tz, cal.at));
    for (uid, item, people) in items {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{uid}@{}", cal.host));
        // Not the build's time: the same schedule must give the same bytes
        // (and calendar apps no spurious updates), so the day of the item.
        lines.push(format!(
            "DTSTAMP:{}",
            utc_stamp(item.date.at(0, 0, 0, 0), cal.tz)
        ));
        match item.slot.span() {
            Some(((h, m), (eh, em))) => {
                let start = item.date.at(h, m, 0, 0);
                lines.push(format!("DTSTART;TZID={}:{}", cal.tz_name, stamp(start)));
                if (eh, em) != (h, m) {
                    lines.push(format!(
                        "DTEND;TZID={}:{}",
                        cal.tz_name,
                        stamp(item.date.at(eh, em, 0, 0))
                    ));
                }
            }
            None => {
                lines.push(format!("DTSTART;VALUE=DATE:{}", day(item.date)));
                if let Ok(next) = item.date.tomorrow() {
                    lines.push(format!("DTEND;VALUE=DATE:{}", day(next)));
                }
            }
        }
        lines.push(format!("SUMMARY:{}", escape(&item.content)));
        if let Some(p) = &item.place {
            lines.push(format!("LOCATION:{}", escape(p)));
        }
        let mut desc = Vec::new();
        if !people.is_empty() {
            desc.push(people.clone());
        }
        desc.extend(item.participants.iter().cloned());
        desc.extend(item.prepares.iter().cloned());
        if !desc.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(&desc.join("\n"))));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_folding() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let long = format!("SUMMARY:{}", "Hội nghị ".repeat(12));
        let folded = fold(&long);
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{long}\r\n"));
    }
}
