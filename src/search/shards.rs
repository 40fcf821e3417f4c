//! Cutting the index into files a query can fetch one at a time.
//!
//! A shard holds the keys that start with its prefix, except those that a
//! longer prefix's shard holds. The browser finds a key's shard by the longest
//! prefix in the manifest that the key starts with. Prefixes are chosen so
//! each file stays under a budget: a group that is too big gives its biggest
//! sub-groups (one letter longer) files of their own until the rest fits.

use std::collections::HashMap;

use super::postings::Entry;

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

/// The shard of every entry, by index into `prefixes`.
pub fn assign(entries: &[Entry], prefixes: &[String]) -> Vec<usize> {
    let at: HashMap<&str, usize> = prefixes
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();
    entries
        .iter()
        .map(|e| {
            let ends = e.key.char_indices().map(|(i, _)| i).chain([e.key.len()]);
            let mut best = 0;
            for end in ends {
                if let Some(&i) = at.get(&e.key[..end]) {
                    best = i;
                }
            }
            best
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
        let entries: Vec<Entry> = keys
            .iter()
            .map(|k| Entry {
                key: k.key.to_string(),
                variants: vec![],
            })
            .collect();
        let shard: Vec<&str> = assign(&entries, &plan)
            .into_iter()
            .map(|i| plan[i].as_str())
            .collect();
        assert_eq!(shard, ["da", "da", "dang", "dang ", "da", ""]);
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
        let entries: Vec<Entry> = keys
            .iter()
            .map(|(k, _)| Entry {
                key: k.clone(),
                variants: vec![],
            })
            .collect();
        let mut size = vec![0; plan.len()];
        for (e, s) in assign(&entries, &plan).into_iter().zip(&keys) {
            assert!(e < plan.len() && s.0.starts_with(&plan[e]));
            size[e] += s.1;
        }
        assert!(size.iter().all(|&b| b <= 200), "{size:?}");
    }
}
