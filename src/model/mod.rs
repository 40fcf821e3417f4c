//! The content model: plain structs built once from the loaded files, then only
//! read, with one exception. `serve` keeps the last [`Site`] and, when one
//! article is edited, replaces it in place ([`patch`]): assembling 10,000
//! articles again takes a tenth of a second, the patch about a millisecond.
//! [`patch::replace_article`] is the only code that changes a built site, and
//! `tests/serve_edits.rs` checks that the site it leaves is the one assembling
//! gives. What other pages show of an article is its [`head::Head`].

pub mod alias;
pub mod article;
pub mod blocks;
pub mod build;
pub mod document;
pub mod documents;
pub mod head;
pub mod org;
pub mod orgs;
pub mod patch;
pub mod people;
pub mod photos;
pub mod schedule;
pub mod site;
pub mod slugs;
pub mod timing;
pub mod video;

pub use build::build;
pub use site::Site;
