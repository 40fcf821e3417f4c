//! Web addresses as written: in links, aliases and the requests `serve` gets.

/// `%XX` decoding; None for a malformed escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn decodes_escapes_and_refuses_broken_ones() {
        assert_eq!(
            percent_decode("tin-t%E1%BB%A9c/a%20b").as_deref(),
            Some("tin-tức/a b")
        );
        assert_eq!(percent_decode("plain").as_deref(), Some("plain"));
        assert_eq!(percent_decode("a%2"), None, "a cut escape");
        assert_eq!(percent_decode("a%zz"), None, "not hex");
        assert_eq!(percent_decode("%FF"), None, "not UTF-8");
    }
}
