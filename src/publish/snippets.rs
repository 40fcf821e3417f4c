//! The redirects publish keeps, written once more as web server settings, so
//! that a server owner can answer old addresses with a real `301` instead of
//! the redirect page: an nginx `map` and Apache `RewriteRule`s, beside the
//! manifest. Written at every publish (empty when there is nothing to keep).

use crate::publish::redirects::Moves;
use crate::render::redirects::address;

/// `(file name at the top of the target, text)`.
pub fn snippets(moves: &Moves, base_path: &str) -> [(&'static str, String); 2] {
    let pairs: Vec<(String, String)> = moves
        .iter()
        .filter(|(from, to)| plain(from) && plain(to))
        .map(|(from, to)| {
            (
                format!("{base_path}{}", address(from)),
                format!("{base_path}{}", address(to)),
            )
        })
        .collect();
    [(NGINX, nginx(&pairs)), (APACHE, apache(&pairs))]
}

pub const NGINX: &str = ".trangtin-redirects.nginx.conf";
pub const APACHE: &str = ".trangtin-redirects.apache.conf";

/// Paths of letters, digits and `-._~/` only: nothing a server setting must quote.
fn plain(path: &str) -> bool {
    path.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~/".contains(&b))
}

fn nginx(pairs: &[(String, String)]) -> String {
    let mut out = String::from(
        "# Written by trangtin publish: old addresses of moved pages, for real 301 redirects.\n\
         # In nginx's http block: include this file; in the site's server block:\n\
         #     if ($trangtin_redirect) { return 301 $trangtin_redirect; }\n\
         map $uri $trangtin_redirect {\n",
    );
    for (from, to) in pairs {
        out.push_str(&format!("    {from} {to};\n"));
        if from.ends_with('/') {
            out.push_str(&format!("    {from}index.html {to};\n"));
        }
    }
    out.push_str("}\n");
    out
}

fn apache(pairs: &[(String, String)]) -> String {
    let mut out = String::from(
        "# Written by trangtin publish: old addresses of moved pages, for real 301 redirects.\n\
         # Include this file in the site's <VirtualHost> (needs mod_rewrite).\n\
         RewriteEngine On\n",
    );
    for (from, to) in pairs {
        let pattern = from.trim_start_matches('/').replace('.', "\\.");
        let index = if from.ends_with('/') {
            "(index\\.html)?"
        } else {
            ""
        };
        out.push_str(&format!(
            "RewriteRule ^/?{pattern}{index}$ {to} [R=301,L]\n"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_servers_get_every_kept_redirect() {
        let moves: Moves = [
            (
                "tin-tuc/cu/index.html".to_string(),
                "tin-tuc/moi/index.html".to_string(),
            ),
            (
                "tin-tuc/a b/index.html".to_string(),
                "tin-tuc/moi/index.html".to_string(),
            ),
        ]
        .into();
        let [(n, nginx), (a, apache)] = snippets(&moves, "/db/");
        assert_eq!((n, a), (NGINX, APACHE));
        assert!(nginx.contains("    /db/tin-tuc/cu/ /db/tin-tuc/moi/;\n    /db/tin-tuc/cu/index.html /db/tin-tuc/moi/;\n}\n"));
        assert!(apache.ends_with(
            "RewriteRule ^/?db/tin-tuc/cu/(index\\.html)?$ /db/tin-tuc/moi/ [R=301,L]\n"
        ));
        assert!(
            !nginx.contains("a b") && !apache.contains("a b"),
            "odd names are left out"
        );
    }
}
