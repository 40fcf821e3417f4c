//! Charts: specs from YAML, resolved against datasets, drawn to accessible SVG.
