//! The Hugo twin of the generated site: config and a minimal layout set making the
//! same kinds of pages (articles; home, category and keyword lists paginated by
//! 10; RSS per category and keyword; sitemap; 404), as PEERS.md measured.

use super::orgs::{BASE_URL, TITLE};

/// Files of the Hugo site other than its articles and media, relative to its root.
pub fn skeleton(categories: &[&str]) -> Vec<(String, String)> {
    let mut menu = String::new();
    for (i, c) in categories.iter().take(5).enumerate() {
        menu.push_str(&format!(
            "[[menu.main]]\n  name = \"{c}\"\n  url = \"/categories/{}/\"\n  weight = {}\n",
            super::text::slug(c),
            i + 1
        ));
    }
    let config = format!(
        "baseURL = \"{BASE_URL}\"\nlanguageCode = \"vi\"\ndefaultContentLanguage = \"vi\"\ntitle = \"{TITLE}\"\n\
         paginate = 10\nrssLimit = 20\nsummaryLength = 40\nremovePathAccents = true\ndisableKinds = [\"section\"]\n\
         [taxonomies]\n  category = \"categories\"\n  tag = \"tags\"\n[permalinks]\n  tin-tuc = \"/tin-tuc/:slug/\"\n\
         [outputs]\n  home = [\"HTML\", \"RSS\"]\n  taxonomy = [\"HTML\"]\n  term = [\"HTML\", \"RSS\"]\n{menu}"
    );
    let files: [(&str, &str); 9] = [
        ("layouts/_default/baseof.html", BASEOF),
        ("layouts/_default/single.html", SINGLE),
        ("layouts/_default/list.html", LIST),
        ("layouts/_default/terms.html", TERMS),
        ("layouts/index.html", HOME),
        ("layouts/404.html", NOT_FOUND),
        ("layouts/partials/card.html", CARD),
        ("layouts/partials/header.html", HEADER),
        ("static/css/site.css", CSS),
    ];
    let mut out = vec![("config.toml".to_string(), config)];
    out.extend(files.iter().map(|(p, t)| (p.to_string(), t.to_string())));
    out
}

const BASEOF: &str = r#"<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Title }}{{ end }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
{{ partialCached "header.html" . }}
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>Cơ quan chủ quản: Tỉnh ủy Quảng Nam (trang thử nghiệm). Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer>
</body>
</html>
"#;

const HEADER: &str = r#"<header><p class="banner"><a href="{{ "/" | relURL }}">{{ site.Title }}</a></p>
<nav>{{ range site.Menus.main }}<a href="{{ .URL | relURL }}">{{ .Name }}</a> {{ end }}</nav></header>
"#;

const SINGLE: &str = r#"{{ define "main" }}<article>
<nav class="crumbs"><a href="{{ "/" | relURL }}">Trang chủ</a>{{ range first 1 (.GetTerms "categories") }} › <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</nav>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "02/01/2006 15:04" }}</time>{{ with .Params.author }} · {{ . }}{{ end }}</p>
<p class="lead"><strong>{{ with .Params.summary }}{{ . }}{{ else }}{{ .Summary }}{{ end }}</strong></p>
{{ .Content }}
{{ with .GetTerms "tags" }}<p class="tags">Từ khóa: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
</article>
{{ $self := .RelPermalink }}{{ range first 1 (.GetTerms "categories") }}<section><h2>Tin cùng chuyên mục</h2><ul>{{ range first 6 .Pages }}{{ if ne .RelPermalink $self }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul></section>{{ end }}
<nav class="near">{{ with .Next }}<a href="{{ .RelPermalink }}">Tin mới hơn: {{ .Title }}</a>{{ end }} {{ with .Prev }}<a href="{{ .RelPermalink }}">Tin cũ hơn: {{ .Title }}</a>{{ end }}</nav>
{{ end }}
"#;

const LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $p := .Paginate .Pages }}{{ range $p.Pages }}{{ partial "card.html" . }}{{ end }}
{{ template "_internal/pagination.html" . }}
{{ end }}
"#;

// Every regular page is an article. (A `where` here would run again for each of
// the home's 1,000 pager pages: 26 s of Hugo's time at 10,000 articles.)
const HOME: &str = r#"{{ define "main" }}<h1>Tin mới</h1>
{{ $p := .Paginate site.RegularPages }}{{ range $p.Pages }}{{ partial "card.html" . }}{{ end }}
{{ template "_internal/pagination.html" . }}
{{ end }}
"#;

const CARD: &str = r#"<article class="card"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time>
<p>{{ with .Params.summary }}{{ . }}{{ else }}{{ .Summary }}{{ end }}</p></article>
"#;

const TERMS: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
"#;

const NOT_FOUND: &str = r#"{{ define "main" }}<h1>Không tìm thấy trang</h1><p><a href="{{ "/" | relURL }}">Về trang chủ</a></p>{{ end }}
"#;

const CSS: &str = "body{font-family:\"Segoe UI\",Roboto,\"Noto Sans\",Arial,sans-serif;line-height:1.6;max-width:70ch;margin:auto}header{border-bottom:3px solid #b00000}a{color:#b00000}\n";
