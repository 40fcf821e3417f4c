//! The weekly work schedule (lịch công tác): the current week at
//! `/lich-cong-tac/`, a page per week, and iCalendar feeds for the site and
//! for each person named in it.

use serde::Serialize;

use super::ics::{self, Calendar};
use super::pages::PageMeta;
use super::views::NamedLink;
use super::{index_of, Ctx};
use crate::diagnostic::{Diagnostic, Diagnostics, Gather};
use crate::model::schedule::{monday, Item, Slot, Week};
use crate::model::site::urls;
use crate::text::date::{self, When};

#[derive(Serialize)]
struct ItemView {
    slot: Option<String>,
    content: String,
    people: Vec<NamedLink>,
    place: Option<String>,
    participants: Option<String>,
    prepares: Option<String>,
}

#[derive(Serialize)]
struct DayView {
    label: String,
    iso: String,
    items: Vec<ItemView>,
}

#[derive(Serialize)]
struct WeekCtx {
    page: PageMeta,
    /// "Tuần 49 (30/11/2026 – 06/12/2026)".
    range: String,
    days: Vec<DayView>,
    previous: Option<NamedLink>,
    next: Option<NamedLink>,
    /// On the current week's page when it is empty: the latest week with items.
    latest: Option<NamedLink>,
    ics_url: String,
}

/// Every schedule page and feed; none when content/schedule holds no week.
pub fn all(ctx: &Ctx) -> Result<Vec<String>, Diagnostics> {
    let weeks = &ctx.site.schedule;
    if weeks.is_empty() {
        return Ok(Vec::new());
    }
    let mut files = Gather::default();
    let now = ctx.site.settings.clock.now.date().iso_week_date();
    let current = (now.year(), now.week());
    files.push(week_page(ctx, current, urls::SCHEDULE, true));
    for w in weeks {
        files.push(week_page(
            ctx,
            (w.year, w.week),
            &urls::schedule_week(&w.id()),
            false,
        ));
    }
    files.push(feed(ctx, None));
    for p in &ctx.site.people {
        if weeks
            .iter()
            .flat_map(|w| &w.items)
            .any(|i| i.people.contains(&p.id))
        {
            files.push(feed(ctx, Some(&p.id)));
        }
    }
    files.finish()
}

fn week_link(ctx: &Ctx, w: &Week) -> NamedLink {
    NamedLink {
        name: format!("{} {} ({})", ctx.word("week"), w.week, w.year),
        url: ctx.href(&urls::schedule_week(&w.id())),
    }
}

fn week_page(
    ctx: &Ctx,
    (year, week): (i16, i8),
    rel: &str,
    current: bool,
) -> Result<String, Diagnostic> {
    let site = ctx.site;
    let lang = site.settings.lang;
    let found = site
        .schedule
        .iter()
        .find(|w| (w.year, w.week) == (year, week));
    let title = ctx.word("schedule");
    let first = monday(year, week).unwrap_or_default();
    let last = first
        .checked_add(jiff::Span::new().days(6))
        .unwrap_or(first);
    let short = |d: jiff::civil::Date| {
        date::short(
            When {
                at: d.at(0, 0, 0, 0),
                has_time: false,
            },
            lang,
        )
    };
    let range = format!(
        "{} {week} ({} – {})",
        ctx.word("week"),
        short(first),
        short(last)
    );
    let heading = if current {
        title.clone()
    } else {
        format!("{title} – {range}")
    };
    let mut page = PageMeta::new(ctx, "schedule", &heading, &range, rel)
        .crumb(&ctx.word("home"), ctx.href(""));
    if !current {
        page = page.crumb(&title, ctx.href(urls::SCHEDULE));
    }
    let key = (year, week);
    let previous = site
        .schedule
        .iter()
        .rev()
        .find(|w| (w.year, w.week) < key)
        .map(|w| week_link(ctx, w));
    let next = site
        .schedule
        .iter()
        .find(|w| (w.year, w.week) > key)
        .map(|w| week_link(ctx, w));
    let empty = found.is_none_or(|w| w.items.is_empty());
    let latest = (current && empty)
        .then(|| site.schedule.iter().rev().find(|w| !w.items.is_empty()))
        .flatten()
        .map(|w| week_link(ctx, w));
    let view = WeekCtx {
        page,
        range,
        days: found.map(|w| days(ctx, w)).unwrap_or_default(),
        previous,
        next,
        latest,
        ics_url: ctx.href(&format!("{}lich.ics", urls::SCHEDULE)),
    };
    let body = ctx.render("schedule.html", &view)?;
    ctx.file(index_of(rel), body)
}

fn days(ctx: &Ctx, w: &Week) -> Vec<DayView> {
    let lang = ctx.site.settings.lang;
    let mut out: Vec<DayView> = Vec::new();
    for item in &w.items {
        let iso = item.date.to_string();
        if out.last().is_none_or(|d| d.iso != iso) {
            out.push(DayView {
                label: date::long(
                    When {
                        at: item.date.at(0, 0, 0, 0),
                        has_time: false,
                    },
                    lang,
                ),
                iso,
                items: Vec::new(),
            });
        }
        if let Some(d) = out.last_mut() {
            d.items.push(item_view(ctx, item));
        }
    }
    out
}

fn item_view(ctx: &Ctx, item: &Item) -> ItemView {
    ItemView {
        slot: match item.slot {
            Slot::Session(i) => Some(ctx.word(
                ["session_morning", "session_afternoon", "session_evening"][usize::from(i.min(2))],
            )),
            Slot::Time(h, m) => Some(format!("{h:02}:{m:02}")),
            Slot::Unset => None,
        },
        content: item.content.clone(),
        people: item
            .people
            .iter()
            .filter_map(|id| ctx.site.people.iter().find(|p| &p.id == id))
            .map(|p| NamedLink {
                name: p.name.clone(),
                url: ctx.href(&urls::person(&p.id)),
            })
            .collect(),
        place: item.place.clone(),
        participants: item.participants.clone(),
        prepares: item.prepares.clone(),
    }
}

/// The calendar of the whole schedule, or of one person's items.
fn feed(ctx: &Ctx, person: Option<&str>) -> Result<String, Diagnostic> {
    let site = ctx.site;
    let names = |item: &Item| {
        item.people
            .iter()
            .filter_map(|id| site.people.iter().find(|p| &p.id == id))
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut items = Vec::new();
    for w in &site.schedule {
        for (n, item) in w.items.iter().enumerate() {
            if person.is_none_or(|id| item.people.iter().any(|p| p == id)) {
                items.push((format!("{}-{n}", w.id()), item, names(item)));
            }
        }
    }
    let title = ctx.word("schedule");
    let name = match person.and_then(|id| site.people.iter().find(|p| p.id == id)) {
        Some(p) => format!("{title} – {}", p.name),
        None => format!("{title} – {}", site.settings.site.title),
    };
    let host = site
        .settings
        .base_url
        .split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or("trangtin");
    let cal = Calendar {
        name: &name,
        tz_name: &site.settings.site.time_zone,
        tz: &site.settings.tz,
        at: site
            .schedule
            .first()
            .and_then(|w| monday(w.year, w.week))
            .unwrap_or_default()
            .at(0, 0, 0, 0),
        host,
    };
    let rel = match person {
        Some(id) => format!("{}lich.ics", urls::person(id)),
        None => format!("{}lich.ics", urls::SCHEDULE),
    };
    ctx.file(rel, ics::calendar(&cal, &items).into_bytes())
}

/// The link to a person's calendar, when the schedule names them.
pub fn person_ics(ctx: &Ctx, id: &str) -> Option<String> {
    ctx.site
        .schedule
        .iter()
        .flat_map(|w| &w.items)
        .any(|i| i.people.iter().any(|p| p == id))
        .then(|| ctx.href(&format!("{}lich.ics", urls::person(id))))
}

/// The home page's block: this week's items from the clock's day on.
#[derive(Serialize)]
pub struct HomeBlock {
    url: String,
    days: Vec<DayView>,
}

pub fn home_block(ctx: &Ctx) -> Option<HomeBlock> {
    let today = ctx.site.settings.clock.now.date();
    let iso = today.iso_week_date();
    let week = ctx
        .site
        .schedule
        .iter()
        .find(|w| (w.year, w.week) == (iso.year(), iso.week()))?;
    let from_today = Week {
        year: week.year,
        week: week.week,
        items: week
            .items
            .iter()
            .filter(|i| i.date >= today)
            .cloned()
            .collect(),
    };
    Some(HomeBlock {
        url: ctx.href(urls::SCHEDULE),
        days: days(ctx, &from_today),
    })
}
