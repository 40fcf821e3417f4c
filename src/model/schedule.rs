//! The weekly work schedule (lịch công tác), checked: every date inside its
//! file's ISO week, sessions and times well formed, people known.

use jiff::civil::{Date, ISOWeekDate, Weekday};

use crate::diagnostic::msg::Section as Say;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::schedule::{RawItem, WeekFile};
use crate::model::people::{self, Person};
use crate::text::date;
use crate::yaml;

/// When in the day an item is: a session (buổi) or a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// Buổi sáng, chiều, tối: 0, 1, 2.
    Session(u8),
    /// Hour and minute.
    Time(i8, i8),
    Unset,
}

impl Slot {
    /// Minutes after midnight the slot starts and ends, for sorting and the
    /// calendar feed: sáng 07:30–11:30, chiều 13:30–17:00, tối 19:00–21:00.
    pub fn span(self) -> Option<((i8, i8), (i8, i8))> {
        match self {
            Slot::Session(0) => Some(((7, 30), (11, 30))),
            Slot::Session(1) => Some(((13, 30), (17, 0))),
            Slot::Session(_) => Some(((19, 0), (21, 0))),
            Slot::Time(h, m) => Some(((h, m), (h, m))),
            Slot::Unset => None,
        }
    }

    fn key(self) -> (i8, i8) {
        self.span().map_or((-1, 0), |(start, _)| start)
    }
}

pub const SESSIONS: [&str; 3] = ["sáng", "chiều", "tối"];

#[derive(Debug, Clone, Hash)]
pub struct Item {
    pub date: Date,
    pub slot: Slot,
    pub content: String,
    /// Ids from people.yaml, checked.
    pub people: Vec<String>,
    pub place: Option<String>,
    pub participants: Option<String>,
    pub prepares: Option<String>,
}

#[derive(Debug, Clone, Hash)]
pub struct Week {
    pub year: i16,
    pub week: i8,
    /// By date, then slot; items of one slot as written.
    pub items: Vec<Item>,
}

impl Week {
    /// `2026-W49`: the file name and the page's address.
    pub fn id(&self) -> String {
        week_id(self.year, self.week)
    }
}

pub fn week_id(year: i16, week: i8) -> String {
    format!("{year}-W{week:02}")
}

/// The Monday of an ISO week.
pub fn monday(year: i16, week: i8) -> Option<Date> {
    ISOWeekDate::new(year, week, Weekday::Monday)
        .ok()
        .map(|w| w.date())
}

/// The weeks, checked, in time order.
pub fn build(
    files: Vec<WeekFile>,
    people: &[Person],
    people_failed: bool,
) -> (Vec<Week>, Diagnostics) {
    let mut errors = Diagnostics::default();
    let mut weeks = Vec::new();
    for f in files {
        let mut items = Vec::new();
        let places = yaml::OnDemand::new(&f.text, yaml::Offset::FILE);
        for (n, raw) in f.items.iter().enumerate() {
            let err = |m: Say| {
                let line = places.line(&format!("[{n}].date"), 1);
                Diagnostic::new(&f.path, m).at_line(line)
            };
            match item(raw, &f, people, people_failed) {
                Ok(i) => items.push(i),
                Err(ms) => ms.into_iter().for_each(|m| errors.push(err(m))),
            }
        }
        items.sort_by_key(|i| (i.date, i.slot.key()));
        weeks.push(Week {
            year: f.year,
            week: f.week,
            items,
        });
    }
    weeks.sort_by_key(|w| (w.year, w.week));
    (weeks, errors)
}

/// How many items before `n` have the same date text (to find its line).
fn item(
    raw: &RawItem,
    f: &WeekFile,
    people: &[Person],
    people_failed: bool,
) -> Result<Item, Vec<Say>> {
    let mut problems = Vec::new();
    let day = match date::parse(&raw.date) {
        Ok(w) => Some(w.at.date()),
        Err(m) => {
            problems.push(Say::BadDate {
                value: raw.date.clone(),
                why: m,
            });
            None
        }
    };
    if let Some(d) = day {
        let iso = d.iso_week_date();
        if (iso.year(), iso.week()) != (f.year, f.week) {
            problems.push(Say::OutsideWeek {
                date: raw.date.clone(),
                week: week_id(f.year, f.week),
            });
        }
    }
    let slot = match (&raw.session, &raw.time) {
        (Some(_), Some(_)) => {
            problems.push(Say::SessionAndTime);
            Slot::Unset
        }
        (Some(s), None) => match SESSIONS.iter().position(|x| x == &s.trim().to_lowercase()) {
            Some(i) => Slot::Session(i as u8),
            None => {
                problems.push(Say::BadSession { session: s.clone() });
                Slot::Unset
            }
        },
        (None, Some(t)) => match parse_time(t) {
            Some((h, m)) => Slot::Time(h, m),
            None => {
                problems.push(Say::BadTime { time: t.clone() });
                Slot::Unset
            }
        },
        (None, None) => Slot::Unset,
    };
    for id in &raw.people {
        if !people_failed && !people.iter().any(|p| &p.id == id) {
            problems.push(people::unknown(id, people));
        }
    }
    match day {
        Some(date) if problems.is_empty() => Ok(Item {
            date,
            slot,
            content: raw.content.clone(),
            people: raw.people.clone(),
            place: raw.place.clone(),
            participants: raw.participants.clone(),
            prepares: raw.prepares.clone(),
        }),
        _ => Err(problems),
    }
}

fn parse_time(t: &str) -> Option<(i8, i8)> {
    let (h, m) = t.trim().split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (i8, i8) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && (0..60).contains(&m) && h >= 0).then_some((h, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(date: &str) -> RawItem {
        RawItem {
            date: date.into(),
            session: None,
            time: None,
            content: "Họp".into(),
            people: vec![],
            place: None,
            participants: None,
            prepares: None,
        }
    }

    fn file(items: Vec<RawItem>) -> WeekFile {
        WeekFile {
            path: "content/schedule/2026-W49.yaml".into(),
            year: 2026,
            week: 49,
            items,
            text: "- date: 2026-11-30\n  session: sáng\n- date: 2026-12-07\n".into(),
        }
    }

    #[test]
    fn dates_outside_the_week_and_bad_slots() {
        let mut a = raw("2026-11-30");
        a.session = Some("trưa".into());
        let mut b = raw("2026-12-07");
        b.time = Some("8h".into());
        let (weeks, e) = build(vec![file(vec![a, b])], &[], false);
        assert_eq!(weeks[0].items.len(), 0);
        let shown = e.to_string();
        assert!(
            shown.contains("2026-W49.yaml:1: session: `trưa` is not a session"),
            "{shown}"
        );
        assert!(
            shown.contains("2026-W49.yaml:3: date: `2026-12-07` is not in week 2026-W49"),
            "{shown}"
        );
        assert!(shown.contains("time: `8h` is not a time"), "{shown}");
    }

    #[test]
    fn items_sorted_by_day_then_slot() {
        let mut a = raw("2026-12-01");
        a.session = Some("Chiều".into());
        let mut b = raw("2026-12-01");
        b.time = Some("08:00".into());
        let c = raw("2026-11-30");
        let (weeks, e) = build(vec![file(vec![a, b, c])], &[], false);
        assert!(e.is_empty(), "{e}");
        let slots: Vec<Slot> = weeks[0].items.iter().map(|i| i.slot).collect();
        assert_eq!(slots, [Slot::Unset, Slot::Time(8, 0), Slot::Session(1)]);
        assert_eq!(monday(2026, 49).unwrap().to_string(), "2026-11-30");
    }
}
