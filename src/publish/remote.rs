//! The system's `ssh` and `rsync`, run as child processes: finding them, quoting
//! for the server's shell, and turning their failures into plain messages.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use crate::diagnostic::msg::publish::Hint;
use crate::diagnostic::msg::publish::Publish;
use crate::publish::target::Remote;

/// The ssh command to use: `ssh`, or `TRANGTIN_SSH` (like rsync's `RSYNC_RSH`:
/// a program and its options separated by spaces, e.g.
/// `ssh -i ~/.ssh/publish_key -o StrictHostKeyChecking=accept-new`).
#[derive(Debug, Clone)]
pub struct Ssh {
    words: Vec<String>,
    port: Option<u16>,
    login: String,
}

pub const SSH_VAR: &str = "TRANGTIN_SSH";

impl Ssh {
    /// Finds ssh and rsync, or says which one is missing and how to install it.
    pub fn find(remote: &Remote) -> Result<Ssh, Publish> {
        let words: Vec<String> = match std::env::var(SSH_VAR) {
            Ok(v) if !v.trim().is_empty() => v.split_whitespace().map(str::to_string).collect(),
            _ => vec!["ssh".into()],
        };
        for (program, package) in [(words[0].as_str(), "openssh-client"), ("rsync", "rsync")] {
            if which(program).is_none() {
                return Err(Publish::MissingProgram {
                    program: program.to_string(),
                    package: package.to_string(),
                });
            }
        }
        Ok(Ssh {
            words,
            port: remote.port,
            login: remote.login(),
        })
    }

    fn base_words(&self) -> Vec<String> {
        let mut w = self.words.clone();
        // One connection for the whole publish: the first ssh becomes a master
        // that the later ones (and rsync's) reuse, sparing a login each time.
        let path = control_dir().join(format!("trangtin-ssh-{}-%C", std::process::id()));
        w.extend([
            "-o".into(),
            "ControlMaster=auto".into(),
            "-o".into(),
            format!("ControlPath={}", path.display()),
            "-o".into(),
            "ControlPersist=60".into(),
        ]);
        if let Some(p) = self.port {
            w.extend(["-p".into(), p.to_string()]);
        }
        w
    }

    /// Runs `script` with the server's shell, feeding it `input`.
    pub fn run(&self, script: &str, input: &[u8]) -> Result<Vec<u8>, Publish> {
        let words = self.base_words();
        let mut cmd = Command::new(&words[0]);
        cmd.args(&words[1..]).arg("--").arg(&self.login).arg(script);
        let out = run(cmd, input)?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            Err(failure("ssh", &out))
        }
    }

    /// Ends the shared connection (it would otherwise linger a minute).
    pub fn close(&self) {
        let words = self.base_words();
        let mut cmd = Command::new(&words[0]);
        cmd.args(&words[1..])
            .args(["-O", "exit", "--"])
            .arg(&self.login);
        let _ = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }

    /// `-e` for rsync: the same ssh command, quoted the way rsync splits it.
    pub fn rsync_shell(&self) -> String {
        self.base_words()
            .iter()
            .map(|w| {
                if w.contains([' ', '\'', '"']) {
                    quote(w)
                } else {
                    w.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn login(&self) -> &str {
        &self.login
    }
}

/// Runs a command with `input` on its stdin (written from another thread, so a
/// child that talks while it reads cannot block us), collecting its output.
pub fn run(mut cmd: Command, input: &[u8]) -> Result<Output, Publish> {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("LC_ALL", "C");
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd.spawn().map_err(|e| Publish::CannotStart {
        program: program.clone(),
        why: e.to_string(),
    })?;
    let stdin = child.stdin.take();
    std::thread::scope(|s| {
        s.spawn(move || {
            if let Some(mut pipe) = stdin {
                // A child that exits early closes the pipe; its own error says why.
                let _ = pipe.write_all(input);
            }
        });
        child.wait_with_output().map_err(|e| Publish::Stopped {
            program,
            why: e.to_string(),
        })
    })
}

/// A folder for ssh's control socket, whose whole path must stay under about
/// 100 bytes (with `%C` adding 40).
fn control_dir() -> PathBuf {
    let tmp = std::env::temp_dir();
    if tmp.as_os_str().len() <= 40 {
        tmp
    } else {
        PathBuf::from("/tmp")
    }
}

/// The program's own message, plus a hint for the usual causes.
pub fn failure(program: &str, out: &Output) -> Publish {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    Publish::ProgramFailed {
        program: program.to_string(),
        code: out.status.code(),
        said: lines[lines.len().saturating_sub(15)..].join("\n  "),
        hint: hint(&stderr),
    }
}

fn hint(stderr: &str) -> Option<Hint> {
    let has = |s: &str| stderr.contains(s);
    if has("rsync: command not found") || has("rsync: not found") {
        Some(Hint::NoRsyncThere)
    } else if has("Permission denied (publickey") {
        Some(Hint::KeyRefused)
    } else if has("Host key verification failed") {
        Some(Hint::UnknownHost)
    } else if has("Connection refused") || has("Could not resolve hostname") || has("timed out") {
        Some(Hint::NoAnswer)
    } else if has("Permission denied") {
        Some(Hint::CannotWrite)
    } else {
        None
    }
}

/// A string as one word for a POSIX shell.
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

fn which(program: &str) -> Option<PathBuf> {
    if program.contains('/') {
        return Some(PathBuf::from(program)).filter(|p| p.is_file());
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_survives_the_shell() {
        let word = "it's a \"site\" $HOME `x`";
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("printf %s {}", quote(word)))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), word);
    }

    #[test]
    fn hints_name_the_cause() {
        assert_eq!(
            hint("bash: line 1: rsync: command not found"),
            Some(Hint::NoRsyncThere)
        );
        assert_eq!(
            hint("user@h: Permission denied (publickey)."),
            Some(Hint::KeyRefused)
        );
    }
}
