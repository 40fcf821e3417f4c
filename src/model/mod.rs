//! The content model: plain structs built once from the loaded files, then only read.

pub mod article;
pub mod blocks;
pub mod build;
pub mod dataset;
pub mod document;
pub mod org;
pub mod orgs;
pub mod patch;
pub mod photos;
pub mod site;
pub mod stats;

pub use build::build;
pub use site::Site;
