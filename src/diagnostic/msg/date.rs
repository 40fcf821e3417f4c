//! Dates and times as editors write them (`2023-03-10`, `"2023-03-10 08:30"`),
//! in fields and in `--clock`.

use std::fmt;


use crate::text::Lang;

pub use crate::text::date::Problem as Date;

impl Date {
    /// This problem, as found in the field `field`.
    pub fn in_field(self, field: &str) -> Date {
        Date::InField {
            field: field.to_string(),
            problem: Box::new(self),
        }
    }

    pub fn text(&self, l: Lang) -> String {
        let expected = l.pick(
            "hãy viết ngày dạng YYYY-MM-DD hoặc \"YYYY-MM-DD HH:MM\"",
            "expected a date as YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"",
        );
        match self {
            Date::NotADate { text } => l.pick(
                format!("`{text}` không phải là ngày; {expected}"),
                format!("`{text}` is not a date; {expected}"),
            ),
            Date::NotInCalendar { text, month, day } => l.pick(
                format!("`{text}` không có trên lịch (tháng {month} không có ngày {day}); {expected}"),
                format!("`{text}` is not a day of the calendar (month {month}, day {day}); {expected}"),
            ),
            Date::NoValidTime { text } => l.pick(
                format!("`{text}` có giờ không hợp lệ; {expected}"),
                format!("`{text}` has no valid time; {expected}"),
            ),
            Date::ImpossibleTime { text } => l.pick(
                format!("`{text}` có giờ không thể có (giờ từ 00 đến 23, phút từ 00 đến 59); {expected}"),
                format!("`{text}` has an impossible time; {expected}"),
            ),
            Date::InField { field, problem } => format!("{field}: {}", problem.text(l)),
        }
    }
}

/// English, for callers that still build their message with `format!`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for Date {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_is_said_in_both_languages() {
        let t = || "2023-02-30".to_string();
        crate::diagnostic::msg::says_both([
            Date::NotADate { text: t() },
            Date::NotInCalendar { text: t(), month: 2, day: 30 },
            Date::NoValidTime { text: t() },
            Date::ImpossibleTime { text: t() },
            Date::NotADate { text: t() }.in_field("date"),
        ]);
    }
}
