//! The problems a spreadsheet or CSV dataset can have, built from what the
//! readers know; their words (Vietnamese and English) are in
//! [`crate::diagnostic::msg::sheet`].

use super::workbook::SheetChoice;
pub use crate::diagnostic::msg::sheet::{Asked, Sheet, Spot};

pub fn password_or_disguised(ext: &str) -> Sheet {
    Sheet::PasswordOrDisguised { ext: ext.into() }
}

pub fn unreadable_workbook(ext: &str, why: &str) -> Sheet {
    Sheet::UnreadableWorkbook {
        ext: ext.into(),
        why: why.into(),
    }
}

pub fn unreadable_sheet(sheet: &str, why: &str) -> Sheet {
    Sheet::UnreadableSheet {
        sheet: sheet.into(),
        why: why.into(),
    }
}

pub fn unknown_sheet(choice: &SheetChoice, names: &[String]) -> Sheet {
    let asked = match choice {
        SheetChoice::Number(n) => Asked::Number(*n),
        SheetChoice::Name(n) => Asked::Name(n.clone()),
        SheetChoice::First => Asked::First,
    };
    Sheet::UnknownSheet {
        asked,
        names: names.to_vec(),
    }
}

pub fn two_datasets(a: &str, b: &str, id: &str) -> Sheet {
    Sheet::TwoDatasets {
        a: a.into(),
        b: b.into(),
        id: id.into(),
    }
}
