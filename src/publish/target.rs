//! Where a site is published: `--to` or `publish:` in site.yaml, parsed once.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostic::msg::publish::{SshProblem, TargetProblem};

/// A place to publish to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A folder on this computer (or a mounted web root), switched by a symlink.
    Local(PathBuf),
    /// A server reached with ssh and rsync.
    Ssh(Remote),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    pub user: Option<String>,
    pub host: String,
    pub port: Option<u16>,
    /// Absolute (`/var/www/x`) or relative to the login's home folder (`www`).
    pub path: String,
}

impl Remote {
    /// `user@host`, as ssh and rsync take it.
    pub fn login(&self) -> String {
        match &self.user {
            Some(u) => format!("{u}@{}", self.host),
            None => self.host.clone(),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Local(p) => write!(f, "{}", p.display()),
            Target::Ssh(r) => {
                write!(f, "ssh://{}", r.login())?;
                if let Some(p) = r.port {
                    write!(f, ":{p}")?;
                }
                if r.path.starts_with('/') {
                    write!(f, "{}", r.path)
                } else {
                    write!(f, "/~/{}", r.path)
                }
            }
        }
    }
}

/// Reads a target. `base` is the folder a relative path is taken from: the
/// current folder for `--to`, the site folder for `publish:` in site.yaml.
pub fn parse(text: &str, base: &Path) -> Result<Target, TargetProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TargetProblem::Empty);
    }
    if let Some(rest) = text.strip_prefix("file://") {
        if !rest.starts_with('/') {
            return Err(TargetProblem::NotFileAddress {
                text: text.to_string(),
            });
        }
        return Ok(Target::Local(PathBuf::from(rest)));
    }
    if let Some(rest) = text.strip_prefix("ssh://") {
        return parse_ssh(rest)
            .map(Target::Ssh)
            .map_err(|why| TargetProblem::Ssh {
                text: text.to_string(),
                why,
            });
    }
    if let Some((scheme, _)) = text.split_once("://") {
        return Err(TargetProblem::UnknownScheme {
            scheme: scheme.to_string(),
        });
    }
    if let Some((login, path)) = scp_form(text) {
        let path = if path.starts_with('/') {
            path.to_string()
        } else {
            format!("/~/{path}")
        };
        return Err(TargetProblem::ScpForm {
            text: text.to_string(),
            login: login.to_string(),
            path,
        });
    }
    Ok(Target::Local(base.join(text)))
}

/// `user@host:path`, the short form scp and rsync accept.
fn scp_form(text: &str) -> Option<(&str, &str)> {
    text.split_once(':')
        .filter(|(head, _)| !head.is_empty() && !head.contains('/'))
}

fn parse_ssh(rest: &str) -> Result<Remote, SshProblem> {
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => return Err(SshProblem::NoFolder),
    };
    let (user, hostport) = match authority.rsplit_once('@') {
        Some((u, h)) if !u.is_empty() => (Some(u.to_string()), h),
        Some(_) => return Err(SshProblem::EmptyUser),
        None => (None, authority),
    };
    let (host, port) = split_port(hostport)?;
    if user.as_deref().is_some_and(|u| u.starts_with('-')) || host.starts_with('-') {
        // ssh and rsync would read it as one of their options.
        return Err(SshProblem::StartsWithDash);
    }
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err(SshProblem::NoServer);
    }
    let path = match path.strip_prefix("/~/") {
        Some(home) => home.trim_end_matches('/').to_string(),
        None => path.trim_end_matches('/').to_string(),
    };
    if path.is_empty() || path == "/" || path == "/~" {
        return Err(SshProblem::TopFolder);
    }
    Ok(Remote {
        user,
        host: host.to_string(),
        port,
        path,
    })
}

/// `host:22`, `[::1]:22`, `host`.
fn split_port(hostport: &str) -> Result<(&str, Option<u16>), SshProblem> {
    let (host, port) = if hostport.starts_with('[') {
        match hostport.find(']') {
            Some(i) => (&hostport[..=i], hostport[i + 1..].strip_prefix(':')),
            None => return Err(SshProblem::OpenBracket),
        }
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        }
    };
    match port {
        None => Ok((host, None)),
        Some(p) => p
            .parse::<u16>()
            .map(|n| (host, Some(n)))
            .map_err(|_| SshProblem::BadPort {
                port: p.to_string(),
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    fn ssh(text: &str) -> Remote {
        match parse(text, Path::new("/site")).unwrap() {
            Target::Ssh(r) => r,
            t => panic!("not ssh: {t:?}"),
        }
    }

    #[test]
    fn local_forms() {
        assert_eq!(
            parse("file:///var/www/x", Path::new("/s")),
            Ok(Target::Local("/var/www/x".into()))
        );
        assert_eq!(
            parse("/var/www/x", Path::new("/s")),
            Ok(Target::Local("/var/www/x".into()))
        );
        assert_eq!(
            parse("../www", Path::new("/s")),
            Ok(Target::Local("/s/../www".into()))
        );
        assert!(parse("file://var/www", Path::new("/s"))
            .unwrap_err()
            .text(Lang::En)
            .contains("three slashes"));
    }

    #[test]
    fn ssh_forms() {
        let r = ssh("ssh://deploy@example.org:2222/var/www/dang-bo/");
        assert_eq!(
            (r.user.as_deref(), r.host.as_str(), r.port, r.path.as_str()),
            (
                Some("deploy"),
                "example.org",
                Some(2222),
                "/var/www/dang-bo"
            )
        );
        let r = ssh("ssh://example.org/~/public_html");
        assert_eq!(
            (r.user, r.port, r.path.as_str()),
            (None, None, "public_html")
        );
        assert_eq!(ssh("ssh://u@[::1]:22/x").host, "[::1]");
        assert_eq!(
            Target::Ssh(ssh("ssh://u@h:22/~/w")).to_string(),
            "ssh://u@h:22/~/w"
        );
    }

    #[test]
    fn bad_targets_say_what_is_expected() {
        let base = Path::new("/s");
        assert!(parse("ssh://u@h:99999/x", base)
            .unwrap_err()
            .text(Lang::En)
            .contains("port `99999`"));
        assert!(parse("ssh://u@h/", base)
            .unwrap_err()
            .text(Lang::En)
            .contains("name a folder"));
        assert!(parse("ftp://h/x", base)
            .unwrap_err()
            .text(Lang::En)
            .contains("cannot publish to `ftp://`"));
        assert!(parse("u@h:/var/www", base)
            .unwrap_err()
            .text(Lang::En)
            .contains("ssh://u@h/var/www"));
        assert!(parse("u@h:www", base)
            .unwrap_err()
            .text(Lang::En)
            .contains("ssh://u@h/~/www"));
        assert!(parse("  ", base)
            .unwrap_err()
            .text(Lang::En)
            .contains("empty"));
        assert!(parse("ssh://-oProxyCommand=x/p", base)
            .unwrap_err()
            .text(Lang::En)
            .contains("cannot start with `-`"));
    }
}
