//! What can be wrong, one enum per area, each variant worded in Vietnamese and
//! in English side by side (so neither language can fall behind: both are
//! matches the compiler checks). To change how a message reads, find its area
//! here; to add one, add a variant and its two texts.
//!
//! Every text says what is wrong, where when the place alone does not say it,
//! what is expected, and how to fix it, in plain words an office editor knows.

use crate::text::Lang;

/// Declares the areas: the [`Kind`] enum over them, `From` for each, and the
/// dispatch of [`Kind::text`] and [`Kind::code`].
macro_rules! areas {
    ($($area:ident => $module:ident),* $(,)?) => {
        $(pub mod $module; pub use $module::$area;)*

        /// What is wrong: an area and the problem in it, with the values it names.
        /// Boxed, so that a `Result<_, Diagnostic>` stays small whatever an area carries.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Kind {
            $($area(Box<$area>),)*
        }

        $(impl From<$area> for Kind {
            fn from(k: $area) -> Kind {
                Kind::$area(Box::new(k))
            }
        })*

        impl Kind {
            /// The message in `lang`.
            pub fn text(&self, lang: Lang) -> String {
                match self {
                    $(Kind::$area(k) => k.text(lang),)*
                }
            }

            /// A stable name for tools (`--message-format json`): `area/problem`.
            pub fn code(&self) -> String {
                match self {
                    $(Kind::$area(k) => format!("{}/{}", stringify!($module), <&'static str>::from(&**k)),)*
                }
            }
        }
    };
}

areas! {
    Io => io,
    Chart => chart,
    Output => output,
    Publish => publish,
    Serve => serve,
    Usage => usage,
    Scaffold => scaffold,
    Article => article,
    Org => org,
    Doc => doc,
    Photo => photo,
    Video => video,
    Block => block,
    Section => section,
    Render => render,
    Yaml => yaml,
    Front => front,
    Site => site,
    Data => data,
    Date => date,
    Link => link,
    Theme => theme,
    Paths => path,
    Sheet => sheet,
    Cache => cache,
}

/// `a, b, c` in backticks, for "expected one of …" lists (never empty: says so).
pub fn list(items: &[impl AsRef<str>], lang: Lang) -> String {
    if items.is_empty() {
        return lang.pick("(không có)", "(none)").into();
    }
    items
        .iter()
        .map(|i| format!("`{}`", i.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod samples;

/// Test helper for every area: each problem says something in both languages,
/// and its Vietnamese is not its English left untranslated.
#[cfg(test)]
pub(crate) fn says_both<K: Into<Kind>>(kinds: impl IntoIterator<Item = K>) {
    for k in kinds {
        let k = k.into();
        let (vi, en) = (k.text(Lang::Vi), k.text(Lang::En));
        assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{k:?}");
        assert_ne!(vi, en, "{k:?} is not translated");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_name_area_and_problem() {
        let k = Kind::from(Io::NotFound);
        assert_eq!(k.code(), "io/not-found");
        assert_ne!(k.text(Lang::Vi), k.text(Lang::En));
    }

    /// Every result of the build carries a Diagnostic: each area is boxed in
    /// Kind so it stays small whatever values a problem names (clippy's
    /// `result_large_err`).
    #[test]
    fn a_diagnostic_stays_small() {
        assert!(std::mem::size_of::<Kind>() <= 16);
        assert!(std::mem::size_of::<crate::diagnostic::Diagnostic>() <= 96);
    }

    #[test]
    fn lists_quote_each_item() {
        assert_eq!(list(&["a", "b"], Lang::En), "`a`, `b`");
        assert_eq!(list(&[] as &[&str], Lang::Vi), "(không có)");
    }
}
