//! The content model: plain structs built once from the loaded files, then only read.

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
