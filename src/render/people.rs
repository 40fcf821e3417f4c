//! The leaders (lãnh đạo): a page per person from people.yaml, a leaders
//! page per organization, and the index of all of them.

use serde::Serialize;

use super::pages::PageMeta;
use super::views::{editor_url, Card, NamedLink};
use super::{index_of, Ctx};
use crate::diagnostic::{Diagnostic, Diagnostics, Gather};
use crate::model::people::Person;
use crate::model::site::urls;

#[derive(Serialize, Clone)]
struct PersonView {
    name: String,
    position: String,
    url: String,
    org: Option<NamedLink>,
    term: Option<String>,
    photo: Option<String>,
    bio: Option<String>,
}

/// A conference the person chaired, with the article reporting it.
#[derive(Serialize)]
struct Chaired {
    event: String,
    article: Card,
}

#[derive(Serialize)]
struct PersonCtx {
    page: PageMeta,
    person: PersonView,
    articles: Vec<Card>,
    conferences: Vec<Chaired>,
    /// Their items of the work schedule, as iCalendar.
    ics_url: Option<String>,
}

#[derive(Serialize)]
struct Group {
    org: Option<NamedLink>,
    people: Vec<PersonView>,
}

#[derive(Serialize)]
struct LeadersCtx {
    page: PageMeta,
    groups: Vec<Group>,
}

/// Every leaders page; none when people.yaml lists no one.
pub fn all(ctx: &Ctx) -> Result<Vec<String>, Diagnostics> {
    let site = ctx.site;
    if site.people.is_empty() {
        return Ok(Vec::new());
    }
    let mut files = Gather::default();
    for p in &site.people {
        files.push(person_page(ctx, p));
    }
    files.push(index(ctx));
    for org in &site.orgs.list {
        if site
            .people
            .iter()
            .any(|p| p.org.as_deref() == Some(&org.id))
        {
            files.push(org_page(ctx, &org.id));
        }
    }
    files.finish()
}

fn view(ctx: &Ctx, p: &Person) -> PersonView {
    let bp = &ctx.site.settings.base_path;
    PersonView {
        name: p.name.clone(),
        position: p.position.clone(),
        url: ctx.href(&urls::person(&p.id)),
        org: p
            .org
            .as_deref()
            .and_then(|o| ctx.site.orgs.get(o))
            .map(|o| NamedLink {
                name: o.name.clone(),
                url: ctx.href(&urls::org(&o.id)),
            }),
        term: p.term.clone(),
        photo: p.photo.as_deref().map(|s| editor_url(bp, s)),
        bio: p.bio.clone(),
    }
}

fn person_page(ctx: &Ctx, p: &Person) -> Result<String, Diagnostic> {
    let site = ctx.site;
    let rel = urls::person(&p.id);
    let leaders = ctx.word("leaders");
    let page = PageMeta::new(
        ctx,
        "person",
        &p.name,
        &format!("{} – {}", p.name, p.position),
        &rel,
    )
    .crumb(&ctx.word("home"), ctx.href(""))
    .crumb(&leaders, ctx.href(urls::PEOPLE));
    let mut articles = Vec::new();
    let mut conferences = Vec::new();
    for (i, a) in site.articles.iter().enumerate() {
        if a.people.contains(&p.id) {
            articles.push(ctx.cards[i].clone());
        }
        if let Some(e) = a.event.as_ref().filter(|e| e.chairs.contains(&p.id)) {
            conferences.push(Chaired {
                event: e.name.clone(),
                article: ctx.cards[i].clone(),
            });
        }
    }
    let body = ctx.render(
        "person.html",
        &PersonCtx {
            page,
            person: view(ctx, p),
            articles,
            conferences,
            ics_url: super::schedule::person_ics(ctx, &p.id),
        },
    )?;
    ctx.file(index_of(&rel), body)
}

fn index(ctx: &Ctx) -> Result<String, Diagnostic> {
    let site = ctx.site;
    let title = ctx.word("leaders");
    let page = PageMeta::new(ctx, "leaders", &title, &title, urls::PEOPLE)
        .crumb(&ctx.word("home"), ctx.href(""));
    let mut groups: Vec<Group> = site
        .orgs
        .list
        .iter()
        .map(|o| group(ctx, Some(&o.id)))
        .filter(|g| !g.people.is_empty())
        .collect();
    let loose = group(ctx, None);
    if !loose.people.is_empty() {
        groups.push(loose);
    }
    let body = ctx.render("leaders.html", &LeadersCtx { page, groups })?;
    ctx.file(index_of(urls::PEOPLE), body)
}

fn group(ctx: &Ctx, org: Option<&str>) -> Group {
    let people = ctx
        .site
        .people
        .iter()
        .filter(|p| p.org.as_deref() == org)
        .map(|p| view(ctx, p))
        .collect();
    Group {
        org: org.and_then(|o| ctx.site.orgs.get(o)).map(|o| NamedLink {
            name: o.name.clone(),
            url: ctx.href(&urls::org(&o.id)),
        }),
        people,
    }
}

fn org_page(ctx: &Ctx, id: &str) -> Result<String, Diagnostic> {
    let org = ctx.site.orgs.get(id).expect("an organization of the tree");
    let rel = urls::org_leaders(id);
    let leaders = ctx.word("leaders");
    let title = format!("{leaders} – {}", org.name);
    let page = PageMeta::new(ctx, "leaders", &title, &title, &rel)
        .crumb(&ctx.word("home"), ctx.href(""))
        .crumb(&org.name, ctx.href(&urls::org(id)));
    let groups = vec![group(ctx, Some(id))];
    let body = ctx.render("leaders.html", &LeadersCtx { page, groups })?;
    ctx.file(index_of(&rel), body)
}
