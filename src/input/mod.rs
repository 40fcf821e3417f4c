//! What editors write, as loaded: types that every later stage reads and
//! that name nothing of the site around them.
//!
//! [`dataset`] is here rather than in the model because both the model and
//! [`crate::charts`] read datasets, and the model resolves chart blocks with
//! `charts`: a dataset below both keeps the imports one way.

pub mod dataset;
