//! `content/people.yaml`: the committee's leaders (lãnh đạo), checked against
//! the organizations and the media files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::msg::Section as Say;
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::model::orgs::OrgTree;
use crate::yaml;

pub use crate::input::person::Person;

const FILE: &str = "content/people.yaml";

/// The people in list order (by `order`, then as written), checked.
pub fn build(
    list: Vec<Person>,
    text: &str,
    orgs: &OrgTree,
    assets: &[PathBuf],
) -> (Vec<Person>, Diagnostics) {
    let mut errors = Diagnostics::default();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(list.len());
    let places = yaml::OnDemand::new(text, yaml::Offset::FILE);
    for (i, p) in list.into_iter().enumerate() {
        // Only a message needs the line: the index is read then.
        let line = |i: usize| places.line(&format!("[{i}].id"), 1);
        let err = |m: Kind| Diagnostic::new(FILE, m).at_line(line(i));
        if !valid_id(&p.id) {
            errors.push(err(Say::BadPersonId { id: p.id.clone() }.into()));
        } else if let Some(first) = seen.insert(p.id.clone(), i) {
            errors.push(err(Say::PersonTwice {
                id: p.id.clone(),
                first: line(first),
            }
            .into()));
            continue;
        }
        if let Some(org) = p.org.as_deref().filter(|o| !orgs.contains(o)) {
            errors.push(err(orgs.unknown(org).into()));
        }
        if let Some(photo) = p.photo.as_deref() {
            if let Err(m) = check_photo(photo, assets) {
                errors.push(err(m.into()));
            }
        }
        out.push(p);
    }
    // Stable: people without `order` keep the file's order, after the others.
    out.sort_by_key(|p| p.order.map_or((1, 0), |o| (0, o)));
    (out, errors)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn check_photo(photo: &str, assets: &[PathBuf]) -> Result<(), Say> {
    let p = Path::new(photo);
    let inside = !photo.contains("://")
        && !p.is_absolute()
        && !photo.starts_with('/')
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !inside {
        return Err(Say::PhotoPath {
            photo: photo.into(),
        });
    }
    if !assets.iter().any(|a| a == p) {
        return Err(Say::PhotoMissing {
            photo: photo.into(),
        });
    }
    Ok(())
}

/// The error for an article's `people:` naming no one in people.yaml.
pub fn unknown(id: &str, people: &[Person]) -> Say {
    Say::UnknownPerson {
        id: id.into(),
        known: people.iter().take(12).map(|p| p.id.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str) -> Person {
        Person {
            id: id.into(),
            name: "Tên".into(),
            position: "Bí thư".into(),
            org: None,
            term: None,
            photo: None,
            bio: None,
            order: None,
        }
    }

    #[test]
    fn checks_ids_orgs_and_photos() {
        let text = "- id: a\n- id: a\n- id: B c\n";
        let mut c = person("B c");
        c.photo = Some("../x.jpg".into());
        let mut d = person("d");
        d.photo = Some("media/d.jpg".into());
        d.org = Some("khong-co".into());
        let (list, e) = build(
            vec![person("a"), person("a"), c, d],
            text,
            &OrgTree::default(),
            &[],
        );
        assert_eq!(list.len(), 3);
        let shown = e.to_string();
        assert!(
            shown.contains("content/people.yaml:2: the id `a` is used twice (first on line 1)"),
            "{shown}"
        );
        assert!(shown.contains("the id `B c` may hold only"), "{shown}");
        assert!(
            shown.contains("photo: `../x.jpg` must be a file inside content/"),
            "{shown}"
        );
        assert!(
            shown.contains("photo: the file `content/media/d.jpg` does not exist"),
            "{shown}"
        );
        assert!(shown.contains("unknown organization `khong-co`"), "{shown}");
    }

    #[test]
    fn order_first_then_as_written() {
        let mut b = person("b");
        b.order = Some(2);
        let mut c = person("c");
        c.order = Some(1);
        let (list, _) = build(vec![person("a"), b, c], "", &OrgTree::default(), &[]);
        let ids: Vec<&str> = list.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
    }
}
