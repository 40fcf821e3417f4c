//! A real OpenSSH server for the tests: Debian's `/usr/sbin/sshd` on a free
//! loopback port, with a host key and a user key made here in a temporary
//! folder, its own config, and no PAM. The "server's disk" is that folder.

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub const SSHD: &str = "/usr/sbin/sshd";

pub struct Sshd {
    child: Child,
    pub dir: tempfile::TempDir,
    pub port: u16,
    user: String,
}

/// The programs the SSH tests need. Under CI a missing one fails the test;
/// elsewhere the test prints a notice and passes without running.
pub fn available() -> bool {
    let missing: Vec<&str> = [
        ("sshd", Path::new(SSHD).is_file()),
        ("rsync", on_path("rsync")),
        ("ssh", on_path("ssh")),
        ("ssh-keygen", on_path("ssh-keygen")),
    ]
    .into_iter()
    .filter(|(_, ok)| !ok)
    .map(|(name, _)| name)
    .collect();
    if missing.is_empty() {
        return true;
    }
    let msg = format!("the SSH publish tests need {} (Debian: apt-get install openssh-server openssh-client rsync; tests/run installs them)", missing.join(", "));
    if std::env::var_os("CI").is_some() {
        panic!("{msg}");
    }
    eprintln!("notice: skipped: {msg}");
    false
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

impl Sshd {
    pub fn start() -> Sshd {
        let dir = tempfile::tempdir().unwrap();
        keygen(&dir.path().join("host"));
        keygen(&dir.path().join("user"));
        fs::copy(
            dir.path().join("user.pub"),
            dir.path().join("authorized_keys"),
        )
        .unwrap();
        fs::create_dir(dir.path().join("disk")).unwrap();
        if is_root() {
            // sshd started as root wants its privilege-separation folder.
            let _ = fs::create_dir_all("/run/sshd");
        }
        let user = String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout)
            .unwrap()
            .trim()
            .to_string();
        for _ in 0..5 {
            let port = free_port();
            let config = dir.path().join("sshd_config");
            fs::write(&config, config_text(dir.path(), port)).unwrap();
            let mut child = Command::new(SSHD)
                .arg("-D")
                .arg("-f")
                .arg(&config)
                .arg("-E")
                .arg(dir.path().join("sshd.log"))
                .stdin(Stdio::null())
                .spawn()
                .unwrap();
            if wait_ready(&mut child, port) {
                return Sshd {
                    child,
                    dir,
                    port,
                    user,
                };
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!(
            "sshd did not start; its log:\n{}",
            fs::read_to_string(dir.path().join("sshd.log")).unwrap_or_default()
        );
    }

    /// A folder on the "server" (it is under this test's temporary folder).
    pub fn disk(&self, rel: &str) -> PathBuf {
        self.dir.path().join("disk").join(rel)
    }

    /// `ssh://user@127.0.0.1:PORT/<abs path of disk(rel)>`.
    pub fn url(&self, rel: &str) -> String {
        format!(
            "ssh://{}@127.0.0.1:{}{}",
            self.user,
            self.port,
            self.disk(rel).display()
        )
    }

    /// `TRANGTIN_SSH`: the client with this test's key and no known_hosts.
    pub fn client(&self) -> String {
        format!("ssh -i {} -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR", self.dir.path().join("user").display())
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn config_text(dir: &Path, port: u16) -> String {
    format!(
        "ListenAddress 127.0.0.1\nPort {port}\nHostKey {d}/host\nAuthorizedKeysFile {d}/authorized_keys\nStrictModes no\nPidFile {d}/sshd.pid\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\nMaxStartups 100\nMaxSessions 100\nLogLevel ERROR\n",
        d = dir.display()
    )
}

fn keygen(path: &Path) {
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .stdin(Stdio::null())
        .status()
        .unwrap();
    assert!(ok.success(), "ssh-keygen failed");
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until sshd accepts connections, or has exited (port taken).
fn wait_ready(child: &mut Child, port: u16) -> bool {
    for _ in 0..500 {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    false
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}
