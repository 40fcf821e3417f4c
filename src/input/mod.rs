//! What editors write, as loaded: types that every later stage reads and
//! that name nothing of the site around them.
//!
//! [`dataset`] is here rather than in the model because both the model and
//! [`crate::charts`] read datasets, and the model resolves chart blocks with
//! `charts`: a dataset below both keeps the imports one way. Front matter,
//! organizations, documents and people are here so that `load` returns them without naming
//! the model.

pub mod dataset;
pub mod document;
pub mod frontmatter;
pub mod org;
pub mod person;
