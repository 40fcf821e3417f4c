//! trangtin: a static news-and-statistics site generator for party committees.
//!
//! One direction of flow: [`config`] and [`load`] read files, [`model`] turns them
//! into plain read-only structs, [`render`] turns the model into output files, and
//! [`write`] is the only module that touches the output folder.

pub mod charts;
pub mod error;
pub mod model;
pub mod text;
pub mod yaml;
