//! Checks of the committee tree: unique ids, known parents, no cycles.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diagnostic::msg::Org as Say;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::org::Organization;
use crate::yaml;

const FILE: &str = "content/organizations.yaml";

/// The tree, checked: organizations in file order and each one's children.
#[derive(Debug, Clone, Default)]
pub struct OrgTree {
    pub list: Vec<Organization>,
    pub index: BTreeMap<String, usize>,
    pub children: Vec<Vec<usize>>,
    /// organizations.yaml could not be read: its error is reported, and no
    /// reference to an organization is reported on top of it.
    pub lenient: bool,
}

impl OrgTree {
    pub fn get(&self, id: &str) -> Option<&Organization> {
        self.index.get(id).map(|&i| &self.list[i])
    }

    pub fn contains(&self, id: &str) -> bool {
        self.lenient || self.index.contains_key(id)
    }

    /// The chain of ancestors from the root down to (not including) `id`.
    pub fn ancestors(&self, id: &str) -> Vec<&Organization> {
        let mut out = Vec::new();
        let mut cur = self.get(id).and_then(|o| o.parent.as_deref());
        while let Some(p) = cur {
            let Some(o) = self.get(p) else { break };
            if out.iter().any(|x: &&Organization| x.id == o.id) {
                break;
            }
            out.push(o);
            cur = o.parent.as_deref();
        }
        out.reverse();
        out
    }

    /// The error for an unknown id, listing some known ones.
    pub fn unknown(&self, id: &str) -> Say {
        Say::Unknown {
            id: id.to_string(),
            known: some_ids(&self.list),
        }
    }
}

pub fn build(list: Vec<Organization>, text: &str) -> (OrgTree, Diagnostics) {
    let path = Path::new(FILE);
    let mut errors = Diagnostics::default();
    let mut index = BTreeMap::new();
    let places = yaml::OnDemand::new(text, yaml::Offset::FILE);
    for (i, o) in list.iter().enumerate() {
        let line = || places.line(&format!("[{i}].id"), 1);
        if o.id.is_empty()
            || !o
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            errors.push(Diagnostic::new(path, Say::BadId { id: o.id.clone() }).at_line(line()));
        }
        if index.insert(o.id.clone(), i).is_some() {
            errors.push(Diagnostic::new(path, Say::Twice { id: o.id.clone() }).at_line(line()));
        }
    }
    for (i, o) in list.iter().enumerate() {
        errors.extend(contact_errors(o, &format!("[{i}]"), &places, path));
    }
    let mut children = vec![Vec::new(); list.len()];
    for (i, o) in list.iter().enumerate() {
        if let Some(p) = &o.parent {
            match index.get(p) {
                Some(&pi) => children[pi].push(i),
                None => {
                    let line = places.line(&format!("[{i}].parent"), 1);
                    let say = Say::UnknownParent {
                        child: o.id.clone(),
                        id: p.clone(),
                        known: some_ids(&list),
                    };
                    errors.push(Diagnostic::new(path, say).at_line(line));
                }
            }
        }
    }
    // A cycle: walking up from any node comes back to it.
    let mut reported = BTreeSet::new();
    for (i, o) in list.iter().enumerate() {
        let mut seen = vec![o.id.as_str()];
        let mut cur = o.parent.as_deref();
        while let Some(p) = cur {
            if p == o.id {
                let mut cycle = seen.clone();
                cycle.sort();
                if reported.insert(cycle) {
                    let line = places.line(&format!("[{i}].id"), 1);
                    seen.push(p);
                    let chain = seen.iter().map(|s| s.to_string()).collect();
                    errors.push(Diagnostic::new(path, Say::Cycle { chain }).at_line(line));
                }
                break;
            }
            if seen.contains(&p) {
                break;
            }
            seen.push(p);
            cur = index.get(p).and_then(|&i| list[i].parent.as_deref());
        }
    }
    (
        OrgTree {
            list,
            index,
            children,
            lenient: false,
        },
        errors,
    )
}

/// Some ids of the list (the first twelve), for "expected one of".
fn some_ids(list: &[Organization]) -> Vec<String> {
    list.iter().take(12).map(|o| o.id.clone()).collect()
}

/// A phone number without digits or an email address that is not one: the
/// contact page would link to nothing.
fn contact_errors(o: &Organization, at: &str, places: &yaml::OnDemand, path: &Path) -> Diagnostics {
    use crate::model::org::{plain_email, tel_href};
    let mut errors = Diagnostics::default();
    for (key, value) in [("phone", &o.phone), ("fax", &o.fax)] {
        if let Some(v) = value.as_deref().filter(|v| tel_href(v).is_none()) {
            let line = places.line(&format!("{at}.{key}"), 1);
            let say = Say::NoDigits {
                key: key.into(),
                org: o.id.clone(),
                value: v.into(),
            };
            errors.push(Diagnostic::new(path, say).at_line(line));
        }
    }
    if let Some(v) = o.email.as_deref().filter(|v| !plain_email(v)) {
        let line = places.line(&format!("{at}.email"), 1);
        let say = Say::BadEmail {
            org: o.id.clone(),
            value: v.into(),
        };
        errors.push(Diagnostic::new(path, say).at_line(line));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(id: &str, parent: Option<&str>) -> Organization {
        Organization {
            id: id.into(),
            name: id.to_uppercase(),
            kind: None,
            parent: parent.map(Into::into),
            short_name: None,
            contact: None,
            address: None,
            website: None,
            phone: None,
            fax: None,
            email: None,
            contact_person: None,
        }
    }

    #[test]
    fn tree_and_ancestors() {
        let (t, e) = build(
            vec![
                org("tinh", None),
                org("thai-hoa", Some("tinh")),
                org("cb", Some("thai-hoa")),
            ],
            "",
        );
        assert!(e.is_empty());
        assert_eq!(t.children[0], vec![1]);
        let a: Vec<_> = t.ancestors("cb").iter().map(|o| o.id.as_str()).collect();
        assert_eq!(a, ["tinh", "thai-hoa"]);
    }

    #[test]
    fn cycles_and_unknown_parents_are_errors() {
        let text = "- { id: a, name: A, parent: b }\n- { id: b, name: B, parent: a }\n- { id: c, name: C, parent: zz }\n";
        let (_, e) = build(
            vec![
                org("a", Some("b")),
                org("b", Some("a")),
                org("c", Some("zz")),
            ],
            text,
        );
        let msgs = e.to_string();
        assert!(
            msgs.contains(
                "content/organizations.yaml:1: the organization tree has a cycle: a → b → a"
            ),
            "{msgs}"
        );
        assert!(
            msgs.contains("content/organizations.yaml:3: parent of `c`: unknown organization `zz`"),
            "{msgs}"
        );
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn duplicate_ids() {
        let (_, e) = build(vec![org("a", None), org("a", None)], "- { id: a }\n");
        assert!(e.to_string().contains("used twice"));
    }
}
