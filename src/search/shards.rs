//! Cutting the index into files a query can fetch one at a time.
//!
//! A shard holds the keys that start with its prefix, except those that a
//! longer prefix's shard holds. The browser finds a key's shard by the longest
//! prefix in the manifest that the key starts with. Prefixes are chosen so
//! each file stays under a budget: a group that is too big gives its biggest
//! sub-groups (one letter longer) files of their own until the rest fits.

/// A key and the bytes it takes in a shard file.
pub struct Sized<'a> {
    pub key: &'a str,
    pub bytes: usize,
}

/// Prefixes of the shards, sorted, for keys sorted as the index is.
pub fn plan(keys: &[Sized], budget: usize) -> Vec<String> {
    let mut out = Vec::new();
    if carve(keys, "", budget, &mut out) > 0 {
        out.push(String::new());
    }
    out.sort();
    out
}

/// Gives sub-groups of `keys` their own shards until the rest fits the budget;
/// returns the bytes of what is left, which the caller's shard holds. A small
/// leftover of a sub-group goes back up too, rather than making a tiny file.
fn carve(keys: &[Sized], prefix: &str, budget: usize, out: &mut Vec<String>) -> usize {
    let mut rest: usize = keys.iter().map(|k| k.bytes).sum();
    if rest <= budget {
        return rest;
    }
    let mut children = children(keys, prefix);
    children.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    for (child, range, bytes) in children {
        if rest <= budget {
            break;
        }
        let left = carve(&keys[range], &child, budget, out);
        if left > budget / 4 {
            out.push(child);
            rest -= bytes;
        } else {
            rest -= bytes - left;
        }
    }
    rest
}

/// Groups of keys by their next letter after `prefix`, with their sizes.
fn children(keys: &[Sized], prefix: &str) -> Vec<(String, std::ops::Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        let Some(c) = keys[i]
            .key
            .get(prefix.len()..)
            .and_then(|r| r.chars().next())
        else {
            i += 1;
            continue;
        };
        let child = format!("{prefix}{c}");
        let len = keys[i..]
            .iter()
            .take_while(|k| k.key.starts_with(&child))
            .count();
        let bytes = keys[i..i + len].iter().map(|k| k.bytes).sum();
        out.push((child, i..i + len, bytes));
        i += len;
    }
    out
}

/// The shard of every key, by index into `prefixes`: its longest prefix
/// there. Keys and prefixes are both sorted, and the keys that start with a
/// prefix sort together, so one walk through both finds them: `open` holds
/// the prefixes of the current key, each a prefix of the next.
pub fn assign(keys: &[Sized], prefixes: &[String]) -> Vec<usize> {
    let mut open: Vec<usize> = Vec::new();
    let mut next = 0;
    keys.iter()
        .map(|k| {
            while let Some(p) = prefixes.get(next).filter(|p| p.as_str() <= k.key) {
                open.retain(|&o| p.starts_with(prefixes[o].as_str()));
                open.push(next);
                next += 1;
            }
            while open
                .last()
                .is_some_and(|&o| !k.key.starts_with(prefixes[o].as_str()))
            {
                open.pop();
            }
            open.last().copied().unwrap_or(0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sized(list: &[(&'static str, usize)]) -> Vec<Sized<'static>> {
        list.iter()
            .map(|&(key, bytes)| Sized { key, bytes })
            .collect()
    }

    #[test]
    fn small_index_is_one_shard() {
        assert_eq!(plan(&sized(&[("a", 3), ("b", 4)]), 10), [""]);
    }

    #[test]
    fn big_groups_get_their_own_files() {
        let keys = sized(&[
            ("da", 5),
            ("dan", 4),
            ("dang", 30),
            ("dang vien", 20),
            ("dao", 6),
            ("ha", 3),
        ]);
        let plan = plan(&keys, 30);
        assert_eq!(plan, ["", "da", "dang", "dang "]);
        let shard: Vec<&str> = assign(&keys, &plan)
            .into_iter()
            .map(|i| plan[i].as_str())
            .collect();
        assert_eq!(shard, ["da", "da", "dang", "dang ", "da", ""]);
    }

    /// The walk finds what trying every prefix of every key finds.
    #[test]
    fn assign_finds_the_longest_prefix() {
        let mut keys: Vec<String> = ["", "a", "b", "đ", "ư"]
            .iter()
            .flat_map(|a| ["", "a", "n", " ", "ng", "đ"].map(|b| format!("{a}{b}")))
            .flat_map(|ab| ["", "a", " v", "g"].map(|c| format!("{ab}{c}")))
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        let sized: Vec<Sized> = keys.iter().map(|k| Sized { key: k, bytes: 1 }).collect();
        let mut prefixes: Vec<String> = ["", "a", "an", "an ", "đ", "đa", "b ", "ư", "ưng", "n"]
            .map(String::from)
            .to_vec();
        prefixes.sort();
        for (k, i) in keys.iter().zip(assign(&sized, &prefixes)) {
            let best = (0..prefixes.len())
                .filter(|&p| k.starts_with(prefixes[p].as_str()))
                .max_by_key(|&p| prefixes[p].len())
                .unwrap_or(0);
            assert_eq!(prefixes[i], prefixes[best], "{k:?}");
        }
    }

    #[test]
    fn every_key_lands_in_a_shard_under_budget_when_it_can() {
        let keys: Vec<(String, usize)> = (0..500)
            .map(|i| (format!("k{:03}", i * 7 % 500), 10 + i % 13))
            .collect();
        let mut keys = keys;
        keys.sort();
        let sized: Vec<Sized> = keys
            .iter()
            .map(|(k, b)| Sized { key: k, bytes: *b })
            .collect();
        let plan = plan(&sized, 200);
        let mut size = vec![0; plan.len()];
        for (e, s) in assign(&sized, &plan).into_iter().zip(&keys) {
            assert!(e < plan.len() && s.0.starts_with(&plan[e]));
            size[e] += s.1;
        }
        assert!(size.iter().all(|&b| b <= 200), "{size:?}");
    }
}
