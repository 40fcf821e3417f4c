//! Contacts (liên hệ): the site's directory of every unit's address, phone,
//! fax, email and website (`/danh-ba/`), and one contact page per unit.

use serde::Serialize;

use super::pages::PageMeta;
use super::views::{editor_url, NamedLink};
use super::{index_of, Ctx};
use crate::diagnostic::{Diagnostic, Diagnostics, Gather};
use crate::model::org::{plain_email, tel_href, Organization};
use crate::model::site::urls;

/// A value shown as written, with the link it opens (`tel:`, `mailto:`, `https:`).
#[derive(Serialize)]
struct Linked {
    text: String,
    href: Option<String>,
}

#[derive(Serialize)]
struct ContactView {
    name: String,
    kind: Option<String>,
    /// The unit's own page.
    url: String,
    address: Option<String>,
    phone: Option<Linked>,
    fax: Option<String>,
    email: Option<Linked>,
    website: Option<Linked>,
    contact_person: Option<String>,
    /// The free-text `contact` line.
    note: Option<String>,
}

#[derive(Serialize)]
struct ContactsCtx {
    page: PageMeta,
    units: Vec<ContactView>,
}

/// The directory and each unit's contact page; none when no unit has contacts.
pub fn all(ctx: &Ctx) -> Result<Vec<String>, Diagnostics> {
    let with: Vec<&Organization> = ctx
        .site
        .orgs
        .list
        .iter()
        .filter(|o| o.has_contacts())
        .collect();
    if with.is_empty() {
        return Ok(Vec::new());
    }
    let mut files = Gather::default();
    let home = ctx.word("home");
    let title = ctx.word("contacts");
    let page =
        PageMeta::new(ctx, "contacts", &title, &title, urls::CONTACTS).crumb(&home, ctx.href(""));
    let units = with.iter().map(|o| view(ctx, o)).collect();
    files.push(page_file(ctx, urls::CONTACTS, ContactsCtx { page, units }));
    for o in with {
        let rel = urls::org_contacts(&o.id);
        let title = format!("{} – {}", ctx.word("contact"), o.name);
        let page = PageMeta::new(ctx, "contacts", &title, &title, &rel)
            .crumb(&home, ctx.href(""))
            .crumb(&o.name, ctx.href(&urls::org(&o.id)));
        files.push(page_file(
            ctx,
            &rel,
            ContactsCtx {
                page,
                units: vec![view(ctx, o)],
            },
        ));
    }
    files.finish()
}

fn page_file(ctx: &Ctx, rel: &str, view: ContactsCtx) -> Result<String, Diagnostic> {
    let body = ctx.render("contacts.html", &view)?;
    ctx.file(index_of(rel), body)
}

fn view(ctx: &Ctx, o: &Organization) -> ContactView {
    let bp = &ctx.site.settings.base_path;
    ContactView {
        name: o.name.clone(),
        kind: o.kind.clone(),
        url: ctx.href(&urls::org(&o.id)),
        address: o.address.clone(),
        phone: o.phone.as_deref().map(|p| Linked {
            text: p.to_string(),
            href: tel_href(p),
        }),
        fax: o.fax.clone(),
        email: o.email.as_deref().map(|e| Linked {
            text: e.to_string(),
            href: plain_email(e).then(|| format!("mailto:{e}")),
        }),
        website: o.website.as_deref().map(|w| Linked {
            text: w.to_string(),
            href: Some(editor_url(bp, w)),
        }),
        contact_person: o.contact_person.clone(),
        note: o.contact.clone(),
    }
}

/// The link from a unit's page to its contact page, when it has one.
pub fn org_contacts_url(ctx: &Ctx, o: &Organization) -> Option<NamedLink> {
    o.has_contacts().then(|| NamedLink {
        name: ctx.word("contact"),
        url: ctx.href(&urls::org_contacts(&o.id)),
    })
}
