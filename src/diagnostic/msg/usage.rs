//! The command line: unknown options, missing or bad values. clap words these
//! in English itself; these are what is said in Vietnamese, from the values
//! clap's error carries.

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Usage {
    UnknownOption { arg: String, suggestion: Option<String> },
    UnknownCommand { name: String, suggestion: Option<String> },
    MissingValue { arg: String },
    BadValue { arg: String, value: String, valid: Vec<String> },
    /// A value the option's own check refused, with why (in `lang` already, or
    /// in the checker's words).
    InvalidValue { arg: String, value: String, why: String },
    Missing { args: Vec<String> },
    MissingCommand,
    Conflict { arg: String, other: Option<String> },
    TooMany { arg: String },
    Repeated { arg: String },
    /// `--clock` that is not a date; `why` is the date reader's English.
    BadClock { value: String, why: super::Date },
    /// `--lang` given something other than vi or en.
    BadLang { value: String },
    /// Anything else clap refused, in its own words.
    Other { said: String },
}

impl Usage {
    pub fn text(&self, l: Lang) -> String {
        use Usage::*;
        let or_mean = |s: &Option<String>| match s {
            Some(s) => l.pick(format!("; có phải ý bạn là `{s}`?"), format!("; did you mean `{s}`?")),
            None => String::new(),
        };
        match self {
            UnknownOption { arg, suggestion } => l.pick(
                format!("không có tùy chọn `{arg}`{}", or_mean(suggestion)),
                format!("unknown option `{arg}`{}", or_mean(suggestion)),
            ),
            UnknownCommand { name, suggestion } => l.pick(
                format!("không có lệnh `{name}`; các lệnh là build, check, publish, serve, init, new{}", or_mean(suggestion)),
                format!("unknown command `{name}`; the commands are build, check, publish, serve, init, new{}", or_mean(suggestion)),
            ),
            MissingValue { arg } => l.pick(
                format!("`{arg}` cần một giá trị theo sau, mà chưa có"),
                format!("`{arg}` needs a value after it, and none was given"),
            ),
            BadValue { arg, value, valid } => l.pick(
                format!("giá trị `{value}` không dùng được cho `{arg}`; cần một trong: {}", super::list(valid, l)),
                format!("`{value}` is not a value of `{arg}`; expected one of: {}", super::list(valid, l)),
            ),
            InvalidValue { arg, value, why } => l.pick(
                format!("giá trị `{value}` của `{arg}` không hợp lệ: {why}"),
                format!("`{value}` is not a valid value of `{arg}`: {why}"),
            ),
            Missing { args } => l.pick(
                format!("thiếu {}", args.join(", ")),
                format!("missing {}", args.join(", ")),
            ),
            MissingCommand => l.pick(
                "thiếu lệnh; hãy viết một trong: build, check, publish, serve, init, new",
                "a command is missing; write one of build, check, publish, serve, init, new",
            ).into(),
            Conflict { arg, other } => match other {
                Some(o) => l.pick(
                    format!("không dùng `{arg}` cùng với `{o}` được"),
                    format!("`{arg}` cannot be used with `{o}`"),
                ),
                None => l.pick(
                    format!("không dùng `{arg}` cùng với các tùy chọn đã ghi được"),
                    format!("`{arg}` cannot be used with the other options given"),
                ),
            },
            TooMany { arg } => l.pick(
                format!("`{arg}` có quá nhiều giá trị"),
                format!("`{arg}` was given too many values"),
            ),
            Repeated { arg } => l.pick(
                format!("`{arg}` chỉ được ghi một lần"),
                format!("`{arg}` can be given only once"),
            ),
            BadClock { why, .. } => why.text(l),
            BadLang { value } => l.pick(
                format!("`{value}`: cần vi hoặc en"),
                format!("`{value}`: expected vi or en"),
            ),
            Other { said } => l.pick(
                format!("dòng lệnh không hợp lệ: {said}"),
                said.clone(),
            ),
        }
    }
}

/// So a value checker can hand clap a typed error; clap prints the English
/// itself, and the Vietnamese is taken from here.
impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for Usage {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        let s = || "x".to_string();
        crate::diagnostic::msg::says_both([
            Usage::UnknownOption { arg: s(), suggestion: Some(s()) },
            Usage::UnknownCommand { name: s(), suggestion: None },
            Usage::MissingValue { arg: s() },
            Usage::BadValue { arg: s(), value: s(), valid: vec![s()] },
            Usage::InvalidValue { arg: s(), value: s(), why: s() },
            Usage::Missing { args: vec![s()] },
            Usage::MissingCommand,
            Usage::Conflict { arg: s(), other: Some(s()) },
            Usage::Conflict { arg: s(), other: None },
            Usage::TooMany { arg: s() },
            Usage::Repeated { arg: s() },
            Usage::BadLang { value: s() },
            Usage::BadClock { value: s(), why: crate::diagnostic::msg::Date::NotADate { text: s() } },
            Usage::Other { said: s() },
        ]);
    }
}
