//! The build clock: the moment a build treats as "now", so articles dated
//! later wait and articles past their `expires` come down. `--clock` fixes it,
//! which keeps two builds of the same input byte-identical.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;

use super::date::When;

/// The build's "now" in the site's time zone, and whether articles not yet
/// due are shown (marked) instead of held back: `serve` previews them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now: DateTime,
    pub preview: bool,
}

impl Clock {
    /// The present moment in `tz`.
    pub fn now(tz: &TimeZone) -> Clock {
        Clock {
            now: tz.to_datetime(jiff::Timestamp::now()),
            preview: false,
        }
    }

    /// Whether an article dated `date` is not yet due.
    pub fn is_scheduled(&self, date: When) -> bool {
        date.at > self.now
    }

    /// Whether an article that `expires` then has come down.
    pub fn is_expired(&self, expires: Option<When>) -> bool {
        expires.is_some_and(|e| e.at <= self.now)
    }

    /// Whether an article with these dates is in the site this build.
    pub fn shows(&self, date: When, expires: Option<When>) -> bool {
        !self.is_expired(expires) && (self.preview || !self.is_scheduled(date))
    }
}

/// `--clock "YYYY-MM-DD HH:MM"` (or a date alone: its midnight).
pub fn parse(text: &str) -> Result<DateTime, super::date::Problem> {
    super::date::parse(text).map(|w| w.at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(s: &str) -> When {
        super::super::date::parse(s).unwrap()
    }

    #[test]
    fn due_scheduled_and_expired() {
        let c = Clock {
            now: parse("2026-12-02 08:00").unwrap(),
            preview: false,
        };
        assert!(c.shows(when("2026-12-02 08:00"), None));
        assert!(!c.shows(when("2026-12-02 08:01"), None));
        assert!(c.is_scheduled(when("2026-12-03")));
        assert!(!c.shows(when("2026-12-01"), Some(when("2026-12-02 08:00"))));
        assert!(c.shows(when("2026-12-01"), Some(when("2026-12-02 08:01"))));
        let p = Clock { preview: true, ..c };
        assert!(p.shows(when("2027-01-01"), None));
        assert!(!p.shows(when("2026-01-01"), Some(when("2026-02-01"))));
    }

    #[test]
    fn clock_flag_forms() {
        assert_eq!(
            parse("2026-12-02").unwrap().to_string(),
            "2026-12-02T00:00:00"
        );
        assert!(parse("2026-12-02 25:00").is_err());
        assert!(parse("mai").is_err());
    }
}
