//! A small fast hasher (FxHash's mixing) for the index's many short keys.
//! Output never depends on it: everything is sorted before it is written.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A hash of bytes that never changes between builds or Rust releases. Four
/// lanes take turns over 32-byte blocks, so each multiply need not wait for
/// the one before: the index hashes all its 28 MB for its version.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut lanes = [Fx(1), Fx(2), Fx(3), Fx(4)];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            lane.add(u64::from_le_bytes(w));
        }
    }
    let mut h = Fx::default();
    for lane in lanes {
        h.add(lane.0);
    }
    h.write(blocks.remainder());
    h.write_usize(bytes.len());
    h.finish()
}

/// A map from numbers to ids for the index's inner loop (a short word's bytes
/// packed in a number, a pair of word ids): open addressing, at most half
/// full, so a lookup is one multiply and nearly always one memory access,
/// where a `HashMap` with `Fx` costs about three times as much.
pub struct Table {
    slots: Vec<(u64, u32)>,
    len: usize,
    shift: u32,
}

/// No key is all ones: eight 0xFF bytes are not UTF-8, pair ids are below 2³¹.
const EMPTY: u64 = u64::MAX;

impl Default for Table {
    fn default() -> Table {
        Table::with_bits(12)
    }
}

impl Table {
    fn with_bits(bits: u32) -> Table {
        Table {
            slots: vec![(EMPTY, 0); 1 << bits],
            len: 0,
            shift: 64 - bits,
        }
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return Some(v);
            }
            if k == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds a key that [`Table::get`] did not find.
    pub fn insert(&mut self, key: u64, value: u32) {
        debug_assert!(key != EMPTY && self.get(key).is_none());
        if (self.len + 1) * 2 > self.slots.len() {
            let bits = 64 - self.shift + 1;
            let old = std::mem::replace(self, Table::with_bits(bits));
            for (k, v) in old.slots {
                if k != EMPTY {
                    self.insert(k, v);
                }
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while self.slots[i].0 != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = (key, value);
        self.len += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_sees_every_byte_and_the_length() {
        let text: Vec<u8> = (0..200u8).collect();
        let h = hash(&text);
        for at in [0, 7, 31, 32, 100, 199] {
            let mut other = text.clone();
            other[at] ^= 1;
            assert_ne!(hash(&other), h, "byte {at}");
        }
        assert_ne!(hash(&text[..199]), h);
        assert_ne!(hash(&[]), hash(&[0]));
        assert_eq!(hash(b"stable"), hash(b"stable"));
    }

    #[test]
    fn table_finds_what_it_was_given_through_growth() {
        let mut t = Table::default();
        let key = |i: u64| i.wrapping_mul(0x1_0000_0001) ^ (i << 40);
        for i in 0..20_000u64 {
            assert_eq!(t.get(key(i)), None);
            t.insert(key(i), i as u32);
        }
        for i in 0..20_000u64 {
            assert_eq!(t.get(key(i)), Some(i as u32));
        }
        assert_eq!(t.get(key(20_000)), None);
        assert!(t.slots.len() >= 40_000);
    }
}
