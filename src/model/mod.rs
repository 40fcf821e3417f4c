//! The content model: plain structs built once from the loaded files, then only read.

pub mod dataset;
