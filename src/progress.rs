//! A progress line for builds that take more than a moment: shown on stderr
//! only when it is a terminal, only after half a second, and cleared at the
//! end so the one-line summary stays alone. Never in colour.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::text::Lang;

/// The steps of a build, in order, as `build` reports them.
pub const STEPS: &[&str] = &[
    "reading content",
    "checking",
    "rendering pages",
    "writing files",
];

/// A step's name as the progress line shows it, in `lang`.
pub fn step_name(step: &str, lang: Lang) -> &str {
    match (lang, step) {
        (Lang::Vi, "reading content") => "đang đọc nội dung",
        (Lang::Vi, "checking") => "đang kiểm tra",
        (Lang::Vi, "rendering pages") => "đang tạo các trang",
        (Lang::Vi, "writing files") => "đang ghi tệp",
        _ => step,
    }
}

/// Runs `work`, which calls its argument with each step's name as it starts;
/// the line speaks `lang`.
pub fn with_progress<T>(quiet: bool, lang: Lang, work: impl FnOnce(&dyn Fn(&str)) -> T) -> T {
    let show = !quiet
        && std::io::stderr().is_terminal()
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
    if !show {
        return work(&|_| {});
    }
    let bar = ProgressBar::with_draw_target(Some(STEPS.len() as u64), ProgressDrawTarget::hidden());
    let style = ProgressStyle::with_template("{spinner} [{bar:20}] {msg} ({elapsed})")
        .map(|s| s.progress_chars("=> "));
    if let Ok(style) = style {
        bar.set_style(style);
    }
    let late = bar.clone();
    // Quick builds finish before this fires and print nothing but the summary.
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        if !late.is_finished() {
            late.set_draw_target(ProgressDrawTarget::stderr());
            late.enable_steady_tick(Duration::from_millis(120));
        }
    });
    let step = |name: &str| {
        let n = STEPS.iter().position(|s| *s == name).unwrap_or(0);
        bar.set_position(n as u64);
        bar.set_message(step_name(name, lang).to_string());
    };
    let out = work(&step);
    bar.finish_and_clear();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_a_vietnamese_name() {
        for step in STEPS {
            assert_ne!(step_name(step, Lang::Vi), *step);
            assert_eq!(step_name(step, Lang::En), *step);
        }
    }
}
