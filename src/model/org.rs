//! An organization as written lives in [`crate::input::org`], below `load`;
//! the model names it from here.

pub use crate::input::org::*;
