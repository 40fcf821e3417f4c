//! Reads a CSV file into a [`Grid`]: UTF-8 with or without a byte-order
//! mark, fields separated by `,`, `;` or tab (whichever the first lines use),
//! quoted fields, Windows or Unix line ends.

use super::grid::{Area, Grid, Value};
use super::messages::Sheet;
use super::workbook::{Problem, MAX_CELLS};

/// Reads `bytes`, keeping only cells inside `area` when one is given.
pub fn read(bytes: &[u8], area: Option<Area>) -> Result<Grid, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let upto = &bytes[..e.valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(Problem::Line(line, Sheet::CsvNotUtf8.into()));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(bytes))
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut grid = Grid {
        lines: Some(Vec::new()),
        ..Grid::default()
    };
    let mut record = csv::StringRecord::new();
    let mut row: u32 = 0;
    let (mut newlines, mut counted) = (0u64, 0usize);
    loop {
        let before = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line().max(1)) as usize;
                let why = e.to_string();
                return Err(Problem::Line(line, Sheet::BadCsv { why }.into()));
            }
        }
        // The line the record starts on (a quoted field may span lines),
        // counted here: the reader's own line count is not kept per record.
        // The reader stops between `\r` and `\n`: the record starts after both.
        let mut start = (before as usize).min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        newlines += bytes[counted..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        counted = start;
        let line = newlines + 1;
        if let Some(lines) = grid.lines.as_mut() {
            lines.push(line);
        }
        for (col, field) in record.iter().enumerate() {
            let col = col as u32;
            if field.trim().is_empty() || area.is_some_and(|a| !a.contains(row, col)) {
                continue;
            }
            grid.cells
                .push((row, col, Value::Text(crate::text::normalize(field))));
        }
        if grid.cells.len() > MAX_CELLS {
            return Err(Problem::File(Sheet::TooManyCells { max: MAX_CELLS }.into()));
        }
        row += 1;
    }
    Ok(grid)
}

/// The separator used most, outside quotes, on the first five lines; `,` on a tie.
fn delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let candidates = [b',', b';', b'\t'];
    let mut quoted = false;
    let mut lines = 0;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                lines += 1;
                if lines == 5 {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(i) = candidates.iter().position(|&c| c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    candidates[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(g: &Grid) -> Vec<(u32, u32, String)> {
        g.cells
            .iter()
            .map(|(r, c, v)| match v {
                Value::Text(t) => (*r, *c, t.clone()),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn detects_separators() {
        assert_eq!(delimiter(b"a,b,c\n1,2,3\n"), b',');
        assert_eq!(delimiter(b"a;b;c\n\"1,5\";2;3\n"), b';');
        assert_eq!(delimiter(b"a\tb\n1\t2\n"), b'\t');
        assert_eq!(delimiter(b"a\n"), b',');
    }

    #[test]
    fn bom_crlf_and_quotes() {
        let g = read(
            b"\xEF\xBB\xBFNam;\"Ket, nap\"\r\n2021;\"1.234,5\"\r\n",
            None,
        )
        .unwrap();
        assert_eq!(
            texts(&g),
            vec![
                (0, 0, "Nam".into()),
                (0, 1, "Ket, nap".into()),
                (1, 0, "2021".into()),
                (1, 1, "1.234,5".into())
            ]
        );
        assert_eq!(g.lines, Some(vec![1, 2]));
    }

    #[test]
    fn legacy_encoding_is_refused() {
        // "Kết nạp" in Windows-1258 is not valid UTF-8.
        let err = read(b"Nam,K\xEAt n\xE1p\n2021,5\n", None).unwrap_err();
        let Problem::Line(1, kind) = err else {
            panic!("{err:?}")
        };
        assert!(kind.text(crate::text::Lang::En).contains("not UTF-8"));
    }
}
