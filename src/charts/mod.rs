//! Charts: specs from YAML, resolved against datasets, drawn to accessible SVG.
//!
//! A library below [`crate::model`]: it reads datasets ([`crate::input::dataset`])
//! and names nothing of the site. The model resolves chart blocks with it when it
//! checks the site; render draws the resolved numbers.
//!
//! The flow, and where each part lives:
//!
//! - [`spec`]: [`ChartSpec`] and [`ChartKind`], what an editor writes (a
//!   `content/charts/*.yaml` file or a ```` ```chart ```` block), read with
//!   [`crate::yaml::parse`]. `use: <id>` blocks are the caller's business.
//! - [`resolve()`] (`resolve.rs`, `inline.rs`, `locate.rs`): the spec plus the
//!   datasets give [`ChartData`] (`data.rs`): categories and series of numbers.
//!   Every mistake is an error with file, line and column; all of a chart's
//!   errors come back together.
//! - [`draw()`] (`draw/`): plotters' SVG backend, one file per chart family, with
//!   our own text measurement (`draw/text.rs`) because plotters measures
//!   Vietnamese by its UTF-8 bytes. `svg.rs` then makes the result responsive
//!   and accessible (`role="img"`, `<title>`, `<desc>`, viewBox); [`ids()`] gives
//!   the ids it uses. [`ChartStyle::narrow`] is a phone-sized canvas.
//! - [`describe()`] (`describe.rs`): the chart in words for screen readers.
//! - [`table()`] (`table.rs`) and [`to_csv()`] (`csv.rs`): the numbers behind it,
//!   for the page and for download.
//! - `words.rs`: the few interface words charts write in Vietnamese or English.
//! - `tests/`: checks across modules, from YAML to errors, SVG, table and CSV.

mod csv;
mod data;
mod describe;
mod draw;
mod inline;
mod locate;
mod resolve;
pub mod spec;
mod svg;
mod table;
mod words;

#[cfg(test)]
mod tests;

pub use csv::to_csv;
pub use data::{ChartData, Series};
pub use describe::describe;
pub use draw::{draw, ChartStyle};
pub use locate::Origin;
pub use resolve::resolve;
pub use spec::{ChartKind, ChartSpec, DataSource};
pub use svg::ids;
pub use table::{table, Table};
