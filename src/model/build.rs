//! Source files → [`Site`]: every cross-file check happens here, and every error
//! found is reported together.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::charts::{self, ChartData, ChartSpec, Origin};
use crate::config::Settings;
use crate::diagnostic::msg::article::Owner;
use crate::diagnostic::msg::{Article as Say, Photo};
use crate::diagnostic::{partition, Diagnostic, Diagnostics};
use crate::input::dataset::Dataset;
use crate::input::frontmatter::{FrontMatter, Image, ImageField, NewsSource, SourceField};
use crate::load::{Failed, Loaded, MarkdownFile};
use crate::markdown;
use crate::model::alias;
use crate::model::article::{Article, Page, Taxon};
use crate::model::blocks::{self, Lookup};
use crate::model::document::Document;
use crate::model::orgs::{self, OrgTree};
use crate::model::people::{self, Person};
use crate::model::site::{urls, Site};
use crate::model::timing;
use crate::text::clock::Clock;
use crate::text::{date, slug::slugify};
use crate::yaml;

/// Checks everything and builds the model.
pub fn build(mut src: Loaded) -> Result<Site, Diagnostics> {
    let articles = std::mem::take(&mut src.articles);
    let pages = std::mem::take(&mut src.pages);
    let base = base(src);
    // By value, so each file's source text is freed as soon as it is checked.
    let checked: Vec<Checked> = articles
        .into_par_iter()
        .map(|f| check_article(&f, &base))
        .collect();
    let pages: Vec<CheckedPage> = pages
        .into_par_iter()
        .map(|f| check_page(&f, &base))
        .collect();
    assemble(base, checked, pages)
}

/// Everything articles and pages are checked against: the whole source but them.
/// Split from [`build`] so `serve` can re-check one edited article against it
/// without re-reading (or re-parsing) the others.
#[derive(Debug, Clone)]
pub struct Base {
    pub settings: Settings,
    pub orgs: OrgTree,
    pub datasets: BTreeMap<String, Dataset>,
    /// The named charts (content/charts/).
    pub charts: BTreeMap<String, ChartData>,
    pub documents: Vec<Document>,
    pub people: Vec<Person>,
    pub schedule: Vec<crate::model::schedule::Week>,
    pub assets: Vec<PathBuf>,
    pub root: PathBuf,
    /// Problems found in these files; [`assemble`] fails with them.
    pub errors: Diagnostics,
    pub failed: Failed,
}

/// One article checked on its own, with its inline charts.
pub type Checked = Result<(UnlinkedArticle, Vec<ChartData>), Diagnostics>;
/// One standalone page checked on its own, with its inline charts.
pub type CheckedPage = Result<(Page, Vec<ChartData>), Diagnostics>;

/// Checks the site-wide files. `src.articles` and `src.pages` are not used.
pub fn base(src: Loaded) -> Base {
    let mut errors = src.errors;
    let mut failed = src.failed;
    let (mut orgs, e) = orgs::build(src.organizations, &src.organizations_text);
    orgs.lenient = failed.organizations;
    errors.extend(e);
    let datasets: BTreeMap<String, Dataset> = src
        .datasets
        .into_iter()
        .map(|d| (d.id.clone(), d))
        .collect();
    errors.extend(check_dataset_orgs(&datasets, &orgs));
    let (charts, e) = named_charts(&src.charts, &datasets, &orgs, &failed);
    // A chart with errors is reported once, not again by each article using it.
    failed.charts.extend(
        src.charts
            .iter()
            .filter(|f| !charts.contains_key(&f.id))
            .map(|f| f.id.clone()),
    );
    errors.extend(e);
    let today = crate::model::document::today(&src.settings);
    let (documents, e) =
        crate::model::documents::check(&src.root, src.documents, &src.documents_text, today);
    errors.extend(e);
    let (people, e) = people::build(src.people, &src.people_text, &orgs, &src.assets);
    errors.extend(e);
    let (schedule, e) = crate::model::schedule::build(src.schedule, &people, failed.people);
    errors.extend(e);
    for (i, item) in src.settings.site.home.stats.iter().enumerate() {
        if let Some(org) = item.org.as_deref().filter(|o| !orgs.contains(o)) {
            // site.yaml's text is not kept; a mistake reads it again for the place.
            let text = std::fs::read_to_string(src.root.join("content/site.yaml"));
            let places = yaml::Places::of(&text.unwrap_or_default(), yaml::Offset::FILE);
            let line = places.key(&format!("home.stats[{i}].org"));
            errors.push(
                Diagnostic::new("content/site.yaml", orgs.unknown(org))
                    .at_line(line.map_or(1, |a| a.line)),
            );
        }
    }
    Base {
        settings: src.settings,
        orgs,
        datasets,
        charts,
        documents,
        people,
        schedule,
        assets: src.assets,
        root: src.root,
        errors,
        failed,
    }
}

pub fn check_article(f: &MarkdownFile, base: &Base) -> Checked {
    let look = Lookup {
        datasets: &base.datasets,
        named_charts: &base.charts,
        orgs: &base.orgs,
        failed: &base.failed,
        root: &base.root,
    };
    let ctx = ArticleCtx {
        look: &look,
        docs: &base.documents,
        people: &base.people,
        root: &base.root,
        base_path: &base.settings.base_path,
        html: &base.settings.site.html,
        clock: &base.settings.clock,
    };
    article(f, &ctx)
}

pub fn check_page(f: &MarkdownFile, base: &Base) -> CheckedPage {
    let look = Lookup {
        datasets: &base.datasets,
        named_charts: &base.charts,
        orgs: &base.orgs,
        failed: &base.failed,
        root: &base.root,
    };
    page(f, &look, &base.settings.base_path, &base.settings.site.html)
}

/// The site from its checked parts: site-wide lists, order, and every error.
pub fn assemble(
    base: Base,
    articles: Vec<Checked>,
    pages: Vec<CheckedPage>,
) -> Result<Site, Diagnostics> {
    let Base {
        settings,
        orgs,
        datasets,
        mut charts,
        documents,
        people,
        schedule,
        assets,
        root,
        mut errors,
        ..
    } = base;
    let named_charts: Vec<String> = charts.keys().cloned().collect();
    let (drafts, e) = partition(articles);
    errors.extend(e);
    let (pages, e) = partition(pages);
    errors.extend(e);
    errors.extend(duplicate_slugs(&drafts, &pages));

    let (mut drafts, pending) = timing::hold_back(drafts, &settings.clock);
    drafts.sort_by(|a, b| order(&a.0.article, &b.0.article));
    let mut warnings = Vec::new();
    let mut articles = Vec::with_capacity(drafts.len());
    let mut cat_names: Vec<Option<String>> = Vec::with_capacity(drafts.len());
    let mut tag_names: Vec<Vec<String>> = Vec::with_capacity(drafts.len());
    for (d, inline) in drafts {
        for c in inline {
            charts.insert(c.id.clone(), c);
        }
        warnings.extend(d.warnings);
        cat_names.push(d.category);
        tag_names.push(d.tags);
        articles.push(d.article);
    }
    let mut page_list = Vec::new();
    for (p, inline) in pages {
        for c in inline {
            charts.insert(c.id.clone(), c);
        }
        page_list.push(p);
    }
    page_list.sort_by(|a, b| a.slug.cmp(&b.slug));
    let categories = taxonomy(
        cat_names.iter().map(|c| c.iter().cloned().collect()),
        &mut articles,
        |a, i| a.category = Some(i),
    );
    let tags = taxonomy(tag_names.into_iter(), &mut articles, |a, i| a.tags.push(i));
    let mut org_articles = vec![Vec::new(); orgs.list.len()];
    for (i, a) in articles.iter().enumerate() {
        if let Some(&oi) = a.org.as_ref().and_then(|o| orgs.index.get(o)) {
            org_articles[oi].push(i);
        }
    }
    errors.into_result(())?;
    let uses = super::photos::uses(&articles, &page_list, settings.site.emblem.as_deref());
    let photos = crate::images::prepare(&root, &settings.site.images, &assets, &uses)?;
    warnings.extend(crate::images::unused(&photos, &uses));
    Ok(Site {
        photos,
        settings,
        articles,
        pages: page_list,
        categories,
        tags,
        orgs,
        org_articles,
        datasets,
        charts,
        named_charts,
        documents,
        people,
        schedule,
        assets,
        root,
        warnings,
        pending,
    })
}

/// The site's order of articles: newest first, ties broken by slug so the
/// order never depends on the disk. Slugs are unique, so no two are equal.
pub(crate) fn order(a: &Article, b: &Article) -> std::cmp::Ordering {
    b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug))
}

/// An article before the site-wide lists exist: categories and tags by name.
#[derive(Debug, Clone)]
pub struct UnlinkedArticle {
    pub article: Article,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub warnings: Vec<Diagnostic>,
}

struct ArticleCtx<'a> {
    look: &'a Lookup<'a>,
    docs: &'a [Document],
    people: &'a [Person],
    root: &'a Path,
    base_path: &'a str,
    html: &'a markdown::HtmlPolicy,
    clock: &'a Clock,
}

fn article(
    f: &MarkdownFile,
    ctx: &ArticleCtx,
) -> Result<(UnlinkedArticle, Vec<ChartData>), Diagnostics> {
    let fm = &f.front;
    let path = f.path.as_path();
    let mut errors = Diagnostics::default();
    // The front matter is read again for a place only when a message needs one.
    let places = f.places_on_demand();
    let line_of = |key: &str| places.line(key, 1);
    let title = required_title(fm.title.as_deref(), path, Owner::Article);
    let date = match fm.date.as_deref() {
        None => Err(Diagnostic::new(path, Say::NoDate).at(2, 1)),
        Some(d) => {
            date::parse(d).map_err(|m| bad_date(path, "date", d, m).at_line(line_of("date")))
        }
    };
    let updated = fm
        .updated
        .as_deref()
        .map(|d| date::parse(d).map_err(|m| bad_date(path, "updated", d, m)))
        .transpose()
        .map_err(|e| e.at_line(line_of("updated")));
    let expires = timing::expires(
        fm.expires.as_deref(),
        date.as_ref().ok().copied(),
        path,
        || line_of("expires"),
    )
    .unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let event_date = fm
        .event
        .as_ref()
        .and_then(|e| e.date.as_deref())
        .map(|d| date::parse(d).map_err(|m| bad_date(path, "event date", d, m)))
        .transpose()
        .map_err(|e| e.at_line(line_of("event")));
    let slug = slug_for(fm, title.as_ref().ok().map(String::as_str), path, || {
        slug_line(f)
    });
    if let Some(org) = fm.org.as_deref().filter(|o| !ctx.look.orgs.contains(o)) {
        errors.push(Diagnostic::new(path, ctx.look.orgs.unknown(org)).at_line(line_of("org")));
    }
    let mut documents = Vec::new();
    for d in &fm.documents {
        match ctx.docs.iter().position(|doc| doc.is_named(d)) {
            Some(i) => documents.push(i),
            None if ctx.look.failed.documents => {}
            None => errors.push(
                Diagnostic::new(path, Say::UnknownDocument { name: d.clone() })
                    .at_line(line_of("documents")),
            ),
        }
    }
    let known = |id: &&String| ctx.look.failed.people || ctx.people.iter().any(|p| &p.id == *id);
    for id in fm.people.iter().filter(|id| !known(id)) {
        errors.push(
            Diagnostic::new(path, people::unknown(id, ctx.people)).at_line(line_of("people")),
        );
    }
    let image = image(fm.image.clone(), path, ctx.root, || line_of("image"));
    let aliases = match alias::read(&fm.aliases, &f.yaml_text, path) {
        Ok(a) => a,
        Err(e) => {
            errors.extend(e);
            Vec::new()
        }
    };
    let parsed = markdown::parse_with(&f.body, f.body_line, ctx.base_path, ctx.html);
    let mut warnings = alt_warnings(&parsed.references, path);
    warnings.extend(f.warnings.iter().cloned());
    if let Ok(Some(img)) = &image {
        if img.alt.is_none() && img.caption.is_none() {
            warnings.push(
                Diagnostic::new(path, Photo::CoverNoAlt)
                    .at_line(line_of("image"))
                    .warning(),
            );
        }
    }
    let owner = slug
        .as_ref()
        .map(String::as_str)
        .unwrap_or("article")
        .to_string();
    let mut inline = Vec::new();
    let body = blocks::resolve(parsed.parts, path, &owner, ctx.look, &mut inline);
    if let Ok(b) = &body {
        warnings.extend(crate::model::video::warnings(b, path));
    }
    let (title, date, updated, event_date, slug, image, body) =
        match (title, date, updated, event_date, slug, image, body) {
            (Ok(t), Ok(d), Ok(u), Ok(ed), Ok(s), Ok(i), Ok(b)) if errors.is_empty() => {
                (t, d, u, ed, s, i, b)
            }
            (t, d, u, ed, s, i, b) => {
                for e in [t.err(), d.err(), u.err(), ed.err(), s.err(), i.err()]
                    .into_iter()
                    .flatten()
                {
                    errors.push(e);
                }
                if let Err(e) = b {
                    errors.extend(e);
                }
                return Err(errors);
            }
        };
    let summary = fm
        .summary
        .clone()
        .or(parsed.first_paragraph)
        .unwrap_or_default();
    let article = Article {
        path: f.path.clone(),
        title,
        slug,
        scheduled: ctx.clock.is_scheduled(date),
        date,
        updated,
        expires,
        summary_written: fm.summary.is_some(),
        summary,
        category: None,
        tags: Vec::new(),
        author: fm.author.clone(),
        source: fm.source.clone().map(|s| match s {
            SourceField::Name(name) => NewsSource { name, url: None },
            SourceField::Full(s) => s,
        }),
        image,
        org: fm.org.clone(),
        event: fm.event.clone(),
        event_date,
        featured: fm.featured,
        draft: fm.draft,
        documents,
        people: fm.people.clone(),
        body,
        plain: parsed.plain,
        references: parsed.references,
        anchors: parsed.anchors,
        aliases,
    };
    let category = fm.category.clone().filter(|c| !c.trim().is_empty());
    let mut tags: Vec<String> = Vec::new();
    for t in &fm.tags {
        if !t.trim().is_empty() && !tags.contains(t) {
            tags.push(t.trim().to_string());
        }
    }
    Ok((
        UnlinkedArticle {
            article,
            category,
            tags,
            warnings,
        },
        inline,
    ))
}

fn page(
    f: &MarkdownFile,
    look: &Lookup,
    base_path: &str,
    html: &markdown::HtmlPolicy,
) -> Result<(Page, Vec<ChartData>), Diagnostics> {
    let path = f.path.as_path();
    let title = required_title(f.front.title.as_deref(), path, Owner::Page)?;
    let slug = slug_for(&f.front, Some(&title), path, || slug_line(f))?;
    if urls::RESERVED.contains(&slug.as_str()) {
        return Err(Diagnostic::new(path, Say::PageSlugReserved { slug })
            .at_line(slug_line(f))
            .into());
    }
    let aliases = alias::read(&f.front.aliases, &f.yaml_text, path)?;
    let parsed = markdown::parse_with(&f.body, f.body_line, base_path, html);
    let mut inline = Vec::new();
    let body = blocks::resolve(
        parsed.parts,
        path,
        &format!("trang-{slug}"),
        look,
        &mut inline,
    )?;
    Ok((
        Page {
            path: f.path.clone(),
            title,
            slug,
            summary: f.front.summary.clone().or(parsed.first_paragraph),
            body,
            plain: parsed.plain,
            references: parsed.references,
            anchors: parsed.anchors,
            draft: f.front.draft,
            aliases,
        },
        inline,
    ))
}

fn required_title(value: Option<&str>, path: &Path, of: Owner) -> Result<String, Diagnostic> {
    match value.map(str::trim) {
        Some(v) if !v.is_empty() => Ok(v.to_string()),
        _ => Err(Diagnostic::new(path, Say::NoTitle { of }).at(2, 1)),
    }
}

/// A date field that is not a date; `why` says what is wrong with it.
fn bad_date(path: &Path, key: &str, value: &str, why: crate::diagnostic::msg::Date) -> Diagnostic {
    let say = Say::BadDate {
        key: key.into(),
        value: value.into(),
        why,
    };
    Diagnostic::new(path, say)
}

/// The line the slug comes from: `slug:`, else the `title:` it is made of.
fn slug_line(f: &MarkdownFile) -> usize {
    let places = f.places();
    let line = |key| places.key(key);
    line("slug").or_else(|| line("title")).map_or(1, |a| a.line)
}

fn slug_for(
    fm: &FrontMatter,
    title: Option<&str>,
    path: &Path,
    line: impl Fn() -> usize,
) -> Result<String, Diagnostic> {
    let from = fm.slug.as_deref().or(title).unwrap_or_default();
    let slug = slugify(from);
    if slug.is_empty() && (fm.slug.is_some() || title.is_some()) {
        let from = from.to_string();
        return Err(Diagnostic::new(path, Say::NoSlug { from }).at_line(line()));
    }
    Ok(slug)
}

fn image(
    field: Option<ImageField>,
    path: &Path,
    root: &Path,
    line: impl Fn() -> usize,
) -> Result<Option<Image>, Diagnostic> {
    let Some(field) = field else { return Ok(None) };
    let img = match field {
        ImageField::Src(src) => Image {
            src,
            caption: None,
            alt: None,
            credit: None,
        },
        ImageField::Full(i) => i,
    };
    if markdown::is_unsafe_url(&img.src) {
        let field = "image".to_string();
        return Err(Diagnostic::new(path, Photo::Refused { field }).at_line(line()));
    }
    if !img.src.contains("://") {
        super::photos::check_src("image", &img.src, root)
            .map_err(|m| Diagnostic::new(path, m).at_line(line()))?;
    }
    Ok(Some(img))
}

fn alt_warnings(refs: &[markdown::Reference], path: &Path) -> Vec<Diagnostic> {
    refs.iter()
        .filter(|r| r.is_image && !r.has_alt)
        .map(|r| {
            Diagnostic::new(path, Photo::NoAlt { url: r.url.clone() })
                .at_line(r.line)
                .warning()
        })
        .collect()
}

/// Articles sharing a slug, and pages sharing one, each with a free slug to use.
fn duplicate_slugs<T, U>(drafts: &[(UnlinkedArticle, T)], pages: &[(Page, U)]) -> Diagnostics {
    use super::slugs::{duplicates, Named, Taken};
    let articles: Vec<Named> = drafts
        .iter()
        .map(|(d, _)| Named {
            slug: &d.article.slug,
            path: &d.article.path,
            date: Some(d.article.date.at.date()),
        })
        .collect();
    let pages_named: Vec<Named> = pages
        .iter()
        .map(|(p, _)| Named {
            slug: &p.slug,
            path: &p.path,
            date: None,
        })
        .collect();
    let aliases = drafts
        .iter()
        .flat_map(|(d, _)| &d.article.aliases)
        .chain(pages.iter().flat_map(|(p, _)| &p.aliases))
        .map(|a| a.file.as_str());
    let slugs = articles.iter().chain(&pages_named).map(|n| n.slug);
    let mut taken = Taken::new(slugs, aliases);
    let mut errors = duplicates(&articles, Owner::Article, &mut taken);
    errors.extend(duplicates(&pages_named, Owner::Page, &mut taken));
    errors
}

/// Groups articles by name (category or tag), in name order, with the
/// articles' own order (newest first) inside each.
fn taxonomy(
    names: impl Iterator<Item = Vec<String>>,
    articles: &mut [Article],
    mut assign: impl FnMut(&mut Article, usize),
) -> Vec<Taxon> {
    let mut by_slug: BTreeMap<String, Taxon> = BTreeMap::new();
    let mut per_article: Vec<Vec<String>> = Vec::new();
    for (i, list) in names.enumerate() {
        let mut slugs = Vec::new();
        for (name, slug) in named_slugs(&list) {
            let t = by_slug.entry(slug.clone()).or_insert_with(|| Taxon {
                name,
                slug: slug.clone(),
                articles: Vec::new(),
            });
            if !t.articles.contains(&i) {
                t.articles.push(i);
            }
            slugs.push(slug);
        }
        per_article.push(slugs);
    }
    let list: Vec<Taxon> = by_slug.into_values().collect();
    let index: HashMap<&str, usize> = list
        .iter()
        .enumerate()
        .map(|(i, t)| (t.slug.as_str(), i))
        .collect();
    for (a, slugs) in articles.iter_mut().zip(per_article) {
        for s in slugs {
            if let Some(&i) = index.get(s.as_str()) {
                assign(a, i);
            }
        }
    }
    list
}

/// Each category or keyword name with its slug, in order; names without
/// letters or digits (an empty slug) are left out.
pub(crate) fn named_slugs(names: &[String]) -> Vec<(String, String)> {
    names
        .iter()
        .map(|n| (n.clone(), slugify(n)))
        .filter(|(_, s)| !s.is_empty())
        .collect()
}

fn check_dataset_orgs(datasets: &BTreeMap<String, Dataset>, orgs: &OrgTree) -> Diagnostics {
    let mut errors = Diagnostics::default();
    for ds in datasets.values() {
        for (i, row) in ds.rows.iter().enumerate() {
            if let Some(org) = row
                .get("org")
                .map(|c| c.key())
                .filter(|o| !o.is_empty() && !orgs.contains(o))
            {
                let line = ds.place(&format!("rows[{i}].org")).map_or(1, |a| a.line);
                errors.push(Diagnostic::new(&ds.path, orgs.unknown(&org)).at_line(line));
            }
        }
    }
    errors
}

fn named_charts(
    files: &[crate::load::ChartFile],
    datasets: &BTreeMap<String, Dataset>,
    orgs: &OrgTree,
    failed: &Failed,
) -> (BTreeMap<String, ChartData>, Diagnostics) {
    let results: Vec<Result<ChartData, Diagnostics>> = files
        .par_iter()
        .map(|f| {
            let spec: ChartSpec = yaml::parse(&f.text, &f.path, 1)?;
            if matches!(&spec.data, charts::DataSource::Dataset(d) if failed.datasets.contains(d)) {
                return Err(Diagnostics::default());
            }
            let origin = Origin {
                path: &f.path,
                text: &f.text,
                first_line: 1,
            };
            charts::resolve(&f.id, &spec, &origin, datasets, &|id| orgs.contains(id))
        })
        .collect();
    let (list, errors) = partition(results);
    (
        list.into_iter().map(|c| (c.id.clone(), c)).collect(),
        errors,
    )
}
