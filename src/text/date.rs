//! Dates as editors write them (`2023-03-10`, `2023-03-10 08:30`) and as readers
//! and feed readers expect them.

use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::TimeZone;

use super::Lang;
use strum::IntoStaticStr;

/// What is wrong with a written date; worded in `diagnostic::msg::date`.
#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Problem {
    NotADate {
        text: String,
    },
    NotInCalendar {
        text: String,
        month: u32,
        day: u32,
    },
    NoValidTime {
        text: String,
    },
    ImpossibleTime {
        text: String,
    },
    /// One of the above, in the field `field` (`date`, `updated`).
    InField {
        field: String,
        problem: Box<Problem>,
    },
}

/// A moment written in the site's time zone. Dates without a time are midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct When {
    pub at: DateTime,
    pub has_time: bool,
}

/// Parses `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (a `T` between works too).
pub fn parse(text: &str) -> Result<When, Problem> {
    let t = text.trim();
    let (day, time) = match t.split_once([' ', 'T']) {
        Some((d, tm)) => (d, Some(tm.trim())),
        None => (t, None),
    };
    let mut parts = day.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Problem::NotADate { text: t.into() });
    };
    let num = |s: &str, len: usize| -> Option<i16> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (num(y, 4), num(m, 2), num(d, 2)) else {
        return Err(Problem::NotADate { text: t.into() });
    };
    let date = Date::new(y, m as i8, d as i8).map_err(|_| Problem::NotInCalendar {
        text: t.into(),
        month: m as u32,
        day: d as u32,
    })?;
    let (hour, minute, has_time) = match time {
        None => (0, 0, false),
        Some(tm) => {
            let mut hm = tm.split(':');
            let (Some(h), Some(mi)) = (hm.next(), hm.next()) else {
                return Err(Problem::NoValidTime { text: t.into() });
            };
            let (Some(h), Some(mi)) = (num(h, 2), num(mi, 2)) else {
                return Err(Problem::NoValidTime { text: t.into() });
            };
            if h > 23 || mi > 59 {
                return Err(Problem::ImpossibleTime { text: t.into() });
            }
            (h as i8, mi as i8, true)
        }
    };
    Ok(When {
        at: date.at(hour, minute, 0, 0),
        has_time,
    })
}

/// "Thứ Năm, 09/03/2023" / "Thursday, 9 March 2023".
pub fn long(w: When, lang: Lang) -> String {
    let d = w.at.date();
    match lang {
        Lang::Vi => format!(
            "{}, {:02}/{:02}/{}",
            weekday_vi(d.weekday()),
            d.day(),
            d.month(),
            d.year()
        ),
        Lang::En => format!(
            "{}, {} {} {}",
            weekday_en(d.weekday()),
            d.day(),
            MONTHS_EN[d.month() as usize - 1],
            d.year()
        ),
    }
}

/// "09/03/2023" / "9 March 2023", with " 08:30" when a time was given.
pub fn short(w: When, lang: Lang) -> String {
    let d = w.at.date();
    let day = match lang {
        Lang::Vi => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Lang::En => format!(
            "{} {} {}",
            d.day(),
            MONTHS_EN[d.month() as usize - 1],
            d.year()
        ),
    };
    if w.has_time {
        format!("{day} {:02}:{:02}", w.at.hour(), w.at.minute())
    } else {
        day
    }
}

/// ISO 8601 date, for `<time datetime>` and the sitemap.
pub fn iso_date(w: When) -> String {
    w.at.date().to_string()
}

/// RFC 3339 with the site's offset, for Atom and JSON-LD.
pub fn rfc3339(w: When, tz: &TimeZone) -> String {
    match w.at.to_zoned_datetime(tz.clone()) {
        Ok(z) => z.timestamp().display_with_offset(z.offset()).to_string(),
        Err(_) => format!("{}Z", w.at),
    }
}

/// RFC 2822, for RSS.
pub fn rfc2822(w: When, tz: &TimeZone) -> String {
    match w.at.to_zoned_datetime(tz.clone()) {
        Ok(z) => jiff::fmt::rfc2822::to_string(&z).unwrap_or_else(|_| z.to_string()),
        Err(_) => w.at.to_string(),
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_vi(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Thứ Hai",
        Weekday::Tuesday => "Thứ Ba",
        Weekday::Wednesday => "Thứ Tư",
        Weekday::Thursday => "Thứ Năm",
        Weekday::Friday => "Thứ Sáu",
        Weekday::Saturday => "Thứ Bảy",
        Weekday::Sunday => "Chủ Nhật",
    }
}

fn weekday_en(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_times() {
        let w = parse("2023-03-09").unwrap();
        assert!(!w.has_time);
        assert_eq!(long(w, Lang::Vi), "Thứ Năm, 09/03/2023");
        assert_eq!(long(w, Lang::En), "Thursday, 9 March 2023");
        let w = parse("2023-03-10 08:30").unwrap();
        assert_eq!(short(w, Lang::Vi), "10/03/2023 08:30");
    }

    #[test]
    fn rejects_impossible_dates() {
        let err = parse("2023-02-30").unwrap_err();
        assert!(err.text(Lang::En).contains("not a day of the calendar"));
        assert!(err.text(Lang::Vi).contains("không có trên lịch"));
        assert!(matches!(parse("10/03/2023"), Err(Problem::NotADate { .. })));
        assert!(matches!(
            parse("2023-03-10 25:00"),
            Err(Problem::ImpossibleTime { .. })
        ));
        assert!(parse("2023-3-1").is_err());
    }

    #[test]
    fn feed_formats_carry_the_offset() {
        let tz = TimeZone::get("Asia/Ho_Chi_Minh").unwrap();
        let w = parse("2023-03-10 08:30").unwrap();
        assert_eq!(rfc3339(w, &tz), "2023-03-10T08:30:00+07:00");
        assert_eq!(rfc2822(w, &tz), "Fri, 10 Mar 2023 08:30:00 +0700");
    }
}
