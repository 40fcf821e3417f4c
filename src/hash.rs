//! Hashing, in one place, two kinds never mixed:
//!
//! - maps and sets in memory: [`FxHashMap`] and [`FxHashSet`] (rustc-hash),
//!   fast on the short keys we use; their order never reaches a file, since
//!   everything written is sorted first;
//! - [`Stable`] and [`stable`]: fingerprints and content hashes that name files
//!   (static assets) or versions (the search index) or are compared between
//!   renders (serve's page and file fingerprints). The same bytes give the same
//!   number on every run, platform and Rust release: little-endian words, no
//!   random seed, nothing taken from `std` or a crate that may change it.

use std::hash::Hasher;

pub use rustc_hash::{FxHashMap, FxHashSet};

/// The stable hash of bytes ([`Stable`] over them).
pub fn stable(bytes: &[u8]) -> u64 {
    let mut h = Stable::new();
    h.write(bytes);
    h.finish()
}

/// FxHash's mixing step (a rotate, xor and multiply per 8-byte word) in four
/// lanes that take turns over 32-byte blocks, so each multiply need not wait
/// for the one before: the search index hashes its 28 MB at 10,000 articles,
/// serve every file it may write. Bytes written in pieces hash as written at
/// once: only the stream counts, not how it was cut.
#[derive(Clone)]
pub struct Stable {
    lanes: [u64; 4],
    /// Bytes of an unfinished 32-byte block.
    block: [u8; 32],
    fill: usize,
    len: u64,
}

impl Default for Stable {
    fn default() -> Self {
        Stable::new()
    }
}

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

fn add(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(K)
}

fn word(bytes: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(w)
}

impl Stable {
    pub fn new() -> Self {
        Stable {
            lanes: [1, 2, 3, 4],
            block: [0; 32],
            fill: 0,
            len: 0,
        }
    }

    /// Adds a text and a separator, so ("ab", "c") and ("a", "bc") differ.
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.write(s.as_bytes());
        self.write(&[0xff]);
        self
    }

    pub fn num(&mut self, n: u64) -> &mut Self {
        self.write(&n.to_le_bytes());
        self
    }

    fn blocks(&mut self, bytes: &[u8]) {
        for block in bytes.chunks_exact(32) {
            for (lane, w) in self.lanes.iter_mut().zip(block.chunks_exact(8)) {
                *lane = add(*lane, word(w));
            }
        }
    }
}

impl Hasher for Stable {
    fn write(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        if self.fill > 0 {
            let take = bytes.len().min(32 - self.fill);
            self.block[self.fill..self.fill + take].copy_from_slice(&bytes[..take]);
            self.fill += take;
            bytes = &bytes[take..];
            if self.fill < 32 {
                return;
            }
            let block = self.block;
            self.blocks(&block);
            self.fill = 0;
        }
        let whole = bytes.len() / 32 * 32;
        self.blocks(&bytes[..whole]);
        let rest = &bytes[whole..];
        self.block[..rest.len()].copy_from_slice(rest);
        self.fill = rest.len();
    }

    // Numbers as little-endian bytes on every platform (`Hasher`'s defaults
    // use the machine's order).
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn write_u32(&mut self, i: u32) {
        self.write(&i.to_le_bytes());
    }
    fn write_u64(&mut self, i: u64) {
        self.write(&i.to_le_bytes());
    }
    fn write_usize(&mut self, i: usize) {
        self.write(&(i as u64).to_le_bytes());
    }

    fn finish(&self) -> u64 {
        let mut h = self.lanes.iter().fold(0, |h, &lane| add(h, lane));
        for w in self.block[..self.fill].chunks(8) {
            h = add(h, word(w));
        }
        add(h, self.len)
    }
}

/// For `serde_json::to_writer`: a value's JSON hashed without being kept.
impl std::io::Write for Stable {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        Hasher::write(self, buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sees_every_byte_and_the_length() {
        let text: Vec<u8> = (0..200u8).collect();
        let h = stable(&text);
        for at in [0, 7, 31, 32, 100, 199] {
            let mut other = text.clone();
            other[at] ^= 1;
            assert_ne!(stable(&other), h, "byte {at}");
        }
        assert_ne!(stable(&text[..199]), h);
        assert_ne!(stable(&[]), stable(&[0]));
    }

    #[test]
    fn bytes_in_pieces_hash_as_written_at_once() {
        let text: Vec<u8> = (0..100u8).map(|i| i.wrapping_mul(37)).collect();
        for n in [0, 1, 31, 32, 33, 64, 100] {
            let whole = stable(&text[..n]);
            for cut in 0..=n {
                for cut2 in [cut, (cut + 5).min(n), n] {
                    let mut h = Stable::new();
                    h.write(&text[..cut]);
                    h.write(&text[cut..cut2]);
                    h.write(&text[cut2..n]);
                    assert_eq!(h.finish(), whole, "{n} bytes cut at {cut}, {cut2}");
                }
            }
        }
    }

    #[test]
    fn separators_keep_fields_apart() {
        let a = Stable::new().str("ab").str("c").finish();
        let b = Stable::new().str("a").str("bc").finish();
        assert_ne!(a, b);
        assert_eq!(a, Stable::new().str("ab").str("c").finish());
    }

    /// These numbers name files and versions of the built site: were the hash
    /// to change (a new constant, the machine's byte order, a crate's update),
    /// every site would change its asset names and search index version.
    #[test]
    fn the_numbers_never_change() {
        let long: Vec<u8> = (0..100u8).collect();
        assert_eq!(stable(b""), 0xa894_fae1_d10c_9c86);
        assert_eq!(stable("Đà Nẵng".as_bytes()), 0xadd4_db91_d821_497d);
        assert_eq!(stable(&long), 0x8d65_b28b_bda3_b23b);
        let mut h = Stable::new();
        h.write_u64(0x0102_0304_0506_0708);
        assert_eq!(h.finish(), stable(&[8, 7, 6, 5, 4, 3, 2, 1]));
    }
}
