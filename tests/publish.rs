//! `trangtin publish`, run as a user runs it, against real targets: a folder
//! (publish/local.rs) and a real OpenSSH server with rsync (publish/ssh.rs).

#[path = "publish/local.rs"]
mod local;
#[path = "publish/redirects.rs"]
mod redirects;
#[path = "publish/ssh.rs"]
mod ssh;
#[path = "publish/sshd.rs"]
mod sshd;
#[path = "publish/support.rs"]
mod support;
