//! Usage errors in Vietnamese: clap's error kinds said in our own words from
//! the values the error carries. English keeps clap's own wording.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::diagnostic::msg::usage::Usage;
use crate::diagnostic::show::{Format, Printer};
use crate::diagnostic::Diagnostic;
use crate::text::Lang;

/// Prints a usage error in the printer's language and format.
pub fn print(e: &clap::Error, out: &Printer) {
    if out.lang == Lang::En {
        let _ = e.print();
        return;
    }
    let (flag, kind) = translate(e);
    if out.format == Format::Json {
        out.print_one(&Diagnostic::in_flag(flag, kind));
    } else {
        // The option is named in the message: no place line under it.
        eprintln!("lỗi: {}\n", kind.text(Lang::Vi));
        if let Some(usage) = text(e, ContextKind::Usage) {
            let usage = usage.trim();
            let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
            let usage = usage.strip_prefix("Cách dùng:").unwrap_or(usage).trim();
            eprintln!("Cách dùng: {usage}\n");
        }
        eprintln!("Hãy chạy `trangtin --help` để xem hướng dẫn.");
    }
}

/// The option the error is about (or `trangtin`), and what is wrong.
pub fn translate(e: &clap::Error) -> (String, Usage) {
    // `--output <OUTPUT>` → `--output`: the value's name is clap's English.
    let arg = text(e, ContextKind::InvalidArg)
        .map(|a| match a.split_once(' ') {
            Some((flag, _)) if flag.starts_with('-') => flag.to_string(),
            _ => a,
        })
        .unwrap_or_else(|| "trangtin".into());
    let value = text(e, ContextKind::InvalidValue).unwrap_or_default();
    let kind = match e.kind() {
        ErrorKind::UnknownArgument => Usage::UnknownOption {
            arg: arg.clone(),
            suggestion: text(e, ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => Usage::UnknownCommand {
            name: text(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
            suggestion: text(e, ContextKind::SuggestedSubcommand),
        },
        ErrorKind::InvalidValue if value.is_empty() => Usage::MissingValue { arg: arg.clone() },
        ErrorKind::InvalidValue => Usage::BadValue {
            arg: arg.clone(),
            value,
            valid: strings(e, ContextKind::ValidValue),
        },
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| match s.downcast_ref::<Usage>() {
                    Some(u) => u.text(Lang::Vi),
                    None => s.to_string(),
                })
                .unwrap_or_default();
            Usage::InvalidValue {
                arg: arg.clone(),
                value,
                why,
            }
        }
        ErrorKind::MissingRequiredArgument => Usage::Missing {
            args: strings(e, ContextKind::InvalidArg),
        },
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Usage::MissingCommand
        }
        ErrorKind::ArgumentConflict => Usage::Conflict {
            arg: arg.clone(),
            other: text(e, ContextKind::PriorArg),
        },
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            Usage::TooMany { arg: arg.clone() }
        }
        _ => Usage::Other {
            said: e
                .render()
                .to_string()
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string(),
        },
    };
    (arg, kind)
}

fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}
