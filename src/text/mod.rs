//! Text helpers shared by every stage: slugs, numbers, dates, Unicode normalization.

pub mod clock;
pub mod date;
pub mod number;
pub mod slug;
pub mod url;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Text as every later stage expects it: NFC, no byte-order mark, `\n` line ends.
///
/// Vietnamese typed on some keyboards arrives decomposed (NFD): a letter and its
/// marks as separate code points. Normalizing once on reading makes slugs, search
/// and comparisons agree.
pub fn normalize(raw: &str) -> String {
    let s = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let s = if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    };
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s,
        _ => s.nfc().collect(),
    }
}

/// The language of the site's interface and number style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" => Some(Lang::Vi),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of messages outside a site (`init`, `--help`, usage
    /// errors): `LC_ALL`, then `LC_MESSAGES`, then `LANG`; `vi…` means Vietnamese.
    pub fn from_env() -> Lang {
        let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty());
        Lang::from_locale(var.as_deref().unwrap_or(""))
    }

    /// `vi_VN.UTF-8` → Vietnamese; anything else (`C`, `en_US.UTF-8`) → English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("vi") {
            Lang::Vi
        } else {
            Lang::En
        }
    }

    /// The Vietnamese or the English of two texts.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_nfd_bom_and_crlf() {
        let nfd = "\u{feff}Đa\u{300}\u{323}ng\r\nb";
        assert_eq!(normalize(nfd), "Đạ̀ng\nb".nfc().collect::<String>());
        assert_eq!(normalize("Thành ủy"), "Thành ủy");
        let decomposed: String = "Hòa".nfd().collect();
        assert_ne!(decomposed, "Hòa");
        assert_eq!(normalize(&decomposed), "Hòa");
    }
}
