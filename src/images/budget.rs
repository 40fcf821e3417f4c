//! At most so many megapixels decoded at once: a 24-megapixel photo is about
//! 70 MB of pixels, so the number of photos in memory follows their size, not
//! the number of threads.

use std::sync::{Condvar, Mutex};

pub struct Budget {
    limit: u64,
    used: Mutex<u64>,
    freed: Condvar,
}

/// Held while a photo's pixels are in memory; gives them back when dropped.
pub struct Share<'a> {
    budget: &'a Budget,
    amount: u64,
}

impl Budget {
    pub fn new(limit: u64) -> Budget {
        Budget {
            limit,
            used: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    /// Waits until `amount` fits; a photo larger than the whole budget still
    /// goes, alone.
    pub fn take(&self, amount: u64) -> Share<'_> {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && *used + amount > self.limit {
            used = self.freed.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += amount;
        Share {
            budget: self,
            amount,
        }
    }
}

impl Drop for Share<'_> {
    fn drop(&mut self) {
        let mut used = self.budget.used.lock().unwrap_or_else(|e| e.into_inner());
        *used -= self.amount;
        self.budget.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_over_the_limit_waits_for_the_others() {
        let b = Budget::new(10);
        let a = b.take(6);
        std::thread::scope(|s| {
            let t = s.spawn(|| {
                let _c = b.take(6);
                let used = *b.used.lock().unwrap();
                used
            });
            std::thread::sleep(std::time::Duration::from_millis(20));
            assert_eq!(*b.used.lock().unwrap(), 6, "the second share must wait");
            drop(a);
            assert_eq!(t.join().unwrap(), 6);
        });
        let _big = b.take(50);
    }
}
