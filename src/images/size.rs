//! The size of the images copied as they are (SVG, GIF), so their `<img>`
//! gets `width` and `height` too and the page does not move when they load.

use std::path::Path;

/// Width and height of an SVG (its `width`/`height`, else its `viewBox`) or GIF.
pub fn of(path: &Path) -> Option<(u32, u32)> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "gif" => image::ImageReader::open(path)
            .ok()?
            .with_guessed_format()
            .ok()?
            .into_dimensions()
            .ok(),
        "svg" => {
            let text = std::fs::read_to_string(path).ok()?;
            svg(&text)
        }
        _ => None,
    }
}

fn svg(text: &str) -> Option<(u32, u32)> {
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attr = |name: &str| {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(&tag[at..at + tag[at..].find('"')?])
    };
    let number = |v: &str| {
        v.trim()
            .trim_end_matches("px")
            .parse::<f64>()
            .ok()
            .filter(|n| *n > 0.0)
    };
    if let (Some(w), Some(h)) = (
        attr("width").and_then(number),
        attr("height").and_then(number),
    ) {
        return Some((w.round() as u32, h.round() as u32));
    }
    let vb: Vec<f64> = attr("viewBox")?
        .split([' ', ','])
        .filter_map(|x| x.parse().ok())
        .collect();
    (vb.len() == 4 && vb[2] > 0.0 && vb[3] > 0.0)
        .then(|| (vb[2].round() as u32, vb[3].round() as u32))
}

#[cfg(test)]
mod tests {
    #[test]
    fn svg_size_from_attributes_or_view_box() {
        assert_eq!(
            super::svg(r#"<svg xmlns="x" width="800" height="450px">"#),
            Some((800, 450))
        );
        assert_eq!(
            super::svg(r#"<?xml?><svg viewBox="0 0 1200 630" width="100%">"#),
            Some((1200, 630))
        );
        assert_eq!(super::svg("<svg>"), None);
    }
}
