//! "Tin liên quan": the articles most like one article. Ranked by how many
//! keywords they share with it, then the same organization, then the same
//! conference (event name), then the same category, newest first.

use std::cell::RefCell;

use crate::model::Site;

/// Weights that make one score order the four reasons: a shared keyword
/// outweighs all the others together.
const TAG: u32 = 8;
const ORG: u32 = 4;
const EVENT: u32 = 2;
const CATEGORY: u32 = 1;

thread_local! {
    /// A score per article, reused between calls on one thread so a site of
    /// 10,000 articles does not allocate 10,000 counters for each article.
    static SCORES: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Up to `n` articles related to the article at `i`, best first.
pub fn related(site: &Site, i: usize, n: usize) -> Vec<usize> {
    let a = &site.articles[i];
    SCORES.with(|cell| {
        let mut scores = cell.borrow_mut();
        scores.resize(site.articles.len(), 0);
        let mut touched: Vec<usize> = Vec::new();
        let mut add = |x: usize, w: u32| {
            if x != i {
                if scores[x] == 0 {
                    touched.push(x);
                }
                scores[x] += w;
            }
        };
        for &t in &a.tags {
            site.tags[t].articles.iter().for_each(|&x| add(x, TAG));
        }
        let org = a.org.as_ref().and_then(|o| site.orgs.index.get(o));
        if let Some(list) = org.and_then(|&o| site.org_articles.get(o)) {
            list.iter().for_each(|&x| add(x, ORG));
        }
        if let Some(name) = a.event.as_ref().map(|e| e.name.as_str()) {
            let same = |b: &crate::model::article::Article| {
                b.event.as_ref().is_some_and(|e| e.name == name)
            };
            (0..site.articles.len())
                .filter(|&x| same(&site.articles[x]))
                .for_each(|x| add(x, EVENT));
        }
        if let Some(c) = a.category {
            site.categories[c]
                .articles
                .iter()
                .for_each(|&x| add(x, CATEGORY));
        }
        // Best score first; among equals the smaller index, which is newer.
        let key = |x: &usize| (std::cmp::Reverse(scores[*x]), *x);
        if touched.len() > n && n > 0 {
            touched.select_nth_unstable_by_key(n - 1, key);
        }
        let mut best: Vec<usize> = touched.iter().take(n).copied().collect();
        best.sort_unstable_by_key(key);
        for &x in &touched {
            scores[x] = 0;
        }
        best
    })
}
