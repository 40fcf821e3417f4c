//! trangtin: a static news-and-statistics site generator for party committees.
//!
//! One direction of flow: [`config`] and [`load`] read files (into [`input`]'s
//! types where other stages share them), [`model`] turns them into plain structs
//! (read-only but for `serve`'s one-article patch, [`model::patch`]), resolving
//! chart blocks against datasets with [`charts`] (a library below the model,
//! like [`markdown`]: spec and datasets in, numbers and SVG out), [`render`]
//! turns the model into output files (drawing the charts), which it hands to an
//! [`output::Sink`] as it makes them, and [`write`] (the build's sink) is the
//! only module that touches the output folder. [`build`] runs that pipeline;
//! [`cli`] parses the command line and calls it.

pub mod build;
pub mod cache;
pub mod charts;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod hash;
pub mod images;
pub mod input;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod output_rules;
pub mod progress;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod text;
pub mod theme;
pub mod write;
pub mod yaml;
