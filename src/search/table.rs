//! [`Table`]: numbers to ids for the index's inner loop.

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
