//! `publish`: the target, the build it sends, releases of a folder target, and
//! the programs (ssh, rsync) that reach a server.

use strum::IntoStaticStr;

use crate::text::Lang;

const FORMS_VI: &str = "cần một thư mục như /var/www/dang-bo hoặc file:///var/www/dang-bo, hoặc một máy chủ như ssh://nguoidung@example.org/var/www/dang-bo (ssh://nguoidung@may-chu:2222/thu-muc nếu dùng cổng khác)";
const FORMS_EN: &str = "expected a folder such as /var/www/dang-bo or file:///var/www/dang-bo, or a server such as ssh://user@example.org/var/www/dang-bo (ssh://user@host:2222/path for another port)";

/// What is wrong with a target address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetProblem {
    Empty,
    NotFileAddress { text: String },
    Ssh { text: String, why: SshProblem },
    UnknownScheme { scheme: String },
    ScpForm { text: String, login: String, path: String },
}

/// What is wrong in an `ssh://` address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SshProblem {
    NoFolder,
    EmptyUser,
    StartsWithDash,
    NoServer,
    TopFolder,
    OpenBracket,
    BadPort { port: String },
}

impl SshProblem {
    fn text(&self, l: Lang) -> String {
        match self {
            SshProblem::NoFolder => l.pick("địa chỉ không có thư mục sau tên máy chủ", "the address has no folder after the server name").into(),
            SshProblem::EmptyUser => l.pick("tên người dùng trước `@` đang trống", "the user name before `@` is empty").into(),
            SshProblem::StartsWithDash => l.pick("tên người dùng hoặc tên máy chủ không được bắt đầu bằng `-`", "a user or server name cannot start with `-`").into(),
            SshProblem::NoServer => l.pick("thiếu tên máy chủ", "the server name is missing").into(),
            SshProblem::TopFolder => l.pick(
                "đăng vào thư mục gốc của máy chủ sẽ trộn trang với mọi thứ khác ở đó; hãy ghi tên một thư mục",
                "publishing to the server's top folder would mix the site with everything else there; name a folder",
            ).into(),
            SshProblem::OpenBracket => l.pick("dấu `[` của địa chỉ máy chủ chưa được đóng", "the `[` of the server address is not closed").into(),
            SshProblem::BadPort { port } => l.pick(
                format!("cổng `{port}` không phải là số từ 1 đến 65535"),
                format!("the port `{port}` is not a number from 1 to 65535"),
            ),
        }
    }
}

impl TargetProblem {
    pub fn text(&self, l: Lang) -> String {
        let forms = l.pick(FORMS_VI, FORMS_EN);
        match self {
            TargetProblem::Empty => l.pick(
                format!("nơi đăng đang trống; {forms}"),
                format!("the publish target is empty; {forms}"),
            ),
            TargetProblem::NotFileAddress { text } => l.pick(
                format!("`{text}` không phải địa chỉ tệp; hãy viết file:///duong/dan/day/du (ba dấu gạch chéo); {forms}"),
                format!("`{text}` is not a file address; write file:///absolute/path (three slashes); {forms}"),
            ),
            TargetProblem::Ssh { text, why } => format!("`{text}`: {}; {forms}", why.text(l)),
            TargetProblem::UnknownScheme { scheme } => l.pick(
                format!("trangtin không đăng được lên địa chỉ dạng `{scheme}://`; {forms}"),
                format!("trangtin cannot publish to `{scheme}://` addresses; {forms}"),
            ),
            TargetProblem::ScpForm { text, login, path } => l.pick(
                format!("`{text}` trông như địa chỉ máy chủ; hãy viết ssh://{login}{path}"),
                format!("`{text}` looks like a server address; write it as ssh://{login}{path}"),
            ),
        }
    }
}

/// A part of the site sent to a server, in the order it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Assets,
    Pages,
    Feeds,
}

impl Part {
    fn text(self, l: Lang) -> &'static str {
        match self {
            Part::Assets => l.pick("tệp tài nguyên", "assets"),
            Part::Pages => l.pick("các trang", "pages"),
            Part::Feeds => l.pick("nguồn tin, sơ đồ trang và robots.txt", "feeds, sitemap and robots.txt"),
        }
    }
}

/// A hint for the usual reasons ssh or rsync fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    NoRsyncThere,
    KeyRefused,
    UnknownHost,
    NoAnswer,
    CannotWrite,
}

impl Hint {
    fn text(self, l: Lang) -> &'static str {
        match self {
            Hint::NoRsyncThere => l.pick("máy chủ không có rsync; hãy cài trên máy chủ bằng `sudo apt-get install rsync`", "the server has no rsync; install it there with `sudo apt-get install rsync`"),
            Hint::KeyRefused => l.pick("máy chủ từ chối đăng nhập: hãy kiểm tra tên người dùng, và khóa SSH của bạn đã có trong ~/.ssh/authorized_keys của người dùng đó", "the server refused the login: check the user name, and that your SSH key is in that user's ~/.ssh/authorized_keys"),
            Hint::UnknownHost => l.pick("ssh chưa biết máy chủ này: hãy kết nối một lần bằng `ssh` để kiểm tra và chấp nhận khóa của nó", "ssh does not know this server yet: connect once with `ssh` to check and accept its key"),
            Hint::NoAnswer => l.pick("máy chủ không trả lời: hãy kiểm tra tên, cổng, và máy chủ có đang chạy", "the server did not answer: check its name and port, and that it is running"),
            Hint::CannotWrite => l.pick("người dùng đăng nhập không có quyền ghi vào thư mục đó trên máy chủ", "the login user cannot write to that folder on the server"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Publish {
    /// A bad `--to`.
    BadTarget(TargetProblem),
    /// A bad `publish:` in site.yaml.
    BadTargetInSite(TargetProblem),
    NoTarget,
    RollbackNeedsFolder,
    NothingToRollBack,
    OldestRelease { release: String },
    NeedsPlainName,
    TargetIsFile,
    LinkNotFolder { points_at: String },
    NoLinks { why: String },
    CannotSwitch { why: String },
    SwitchMountPoint,
    Busy,
    ManifestLineDamaged,
    SpecialFile,
    OutsideSite,
    NameNotUtf8,
    NoOutput,
    OutputOlder { source: String },
    OutputCount { count: usize, expected: usize },
    MissingProgram { program: String, package: String },
    CannotStart { program: String, why: String },
    Stopped { program: String, why: String },
    /// ssh or rsync said no: its own last lines, in its own words.
    ProgramFailed { program: String, code: Option<i32>, said: String, hint: Option<Hint> },
    UploadStopped { part: Part, why: Box<Publish> },
    RemoveStopped { why: Box<Publish> },
    WriteStopped { name: String, why: Box<Publish> },
    ManifestStopped { why: Box<Publish> },
    /// A warning: the page's address moved since the last publish.
    AddressMoved { then: String, now: String, old_slug: String },
}

impl Publish {
    pub fn text(&self, l: Lang) -> String {
        use Publish::*;
        match self {
            BadTarget(p) => p.text(l),
            BadTargetInSite(p) => format!("publish: {}", p.text(l)),
            NoTarget => l.pick(
                "chưa có nơi để đăng; hãy cho biết bằng --to (một thư mục như /var/www/dang-bo, hoặc ssh://nguoidung@may-chu/var/www/dang-bo), hoặc thêm dòng `publish: …` vào tệp này",
                "there is no place to publish to; give one with --to (a folder such as /var/www/dang-bo, or ssh://user@server/var/www/dang-bo), or add a line `publish: …` to this file",
            ).into(),
            RollbackNeedsFolder => l.pick(
                "--rollback chỉ dùng được khi đăng vào một thư mục: máy chủ chỉ giữ một bản của trang; hãy đăng lại phiên bản trước của content/",
                "--rollback works only for a folder target: a server keeps one copy of the site; publish the previous version of content/ instead",
            ).into(),
            NothingToRollBack => l.pick(
                "thư mục này không do `trangtin publish` đăng (nó không phải liên kết tới một bản phát hành), nên không có gì để quay lại",
                "this folder was not published by `trangtin publish` (it is not a link to a release), so there is nothing to roll back to",
            ).into(),
            OldestRelease { release } => l.pick(
                format!("bản phát hành {release} là bản cũ nhất còn giữ; không có bản nào trước đó để quay lại"),
                format!("release {release} is the oldest one kept; there is no earlier release to go back to"),
            ),
            NeedsPlainName => l.pick(
                "thư mục đăng cần một tên bình thường, ví dụ /var/www/dang-bo",
                "the publish folder needs a plain name, like /var/www/dang-bo",
            ).into(),
            TargetIsFile => l.pick(
                "đây là một tệp, không phải thư mục; hãy chọn nơi khác để đăng",
                "this is a file, not a folder; choose another place to publish to",
            ).into(),
            LinkNotFolder { points_at } => l.pick(
                format!("liên kết này trỏ tới {points_at}, không phải một thư mục; hãy xóa liên kết hoặc trỏ nó về trang"),
                format!("this link points at {points_at}, which is not a folder; remove the link or point it at the site"),
            ),
            NoLinks { why } => l.pick(
                format!("không tạo được liên kết ở đây ({why}); đăng vào thư mục cần hệ thống tệp có liên kết tượng trưng (symbolic link), nếu không hãy đăng qua ssh://"),
                format!("cannot make a link here ({why}); publishing to a folder needs a file system with symbolic links, else publish over ssh://"),
            ),
            CannotSwitch { why } => l.pick(
                format!("không chuyển được trang sang bản phát hành mới: {why}; trang vẫn hiện bản trước"),
                format!("cannot switch the site to the new release: {why}; the site still shows the previous release"),
            ),
            SwitchMountPoint => l.pick(
                "không chuyển được trang sang bản phát hành mới: đây là nơi gắn ổ đĩa; hãy đăng vào một thư mục bên trong (ví dụ …/site) và trỏ máy chủ web tới đó; trang vẫn hiện bản trước",
                "cannot switch the site to the new release: it is a mount point; publish into a folder inside it (e.g. …/site) and point the web server there; the site still shows the previous release",
            ).into(),
            Busy => l.pick(
                "đang có một lần đăng khác vào thư mục này; hãy chờ xong rồi thử lại",
                "another publish to this folder is running; wait for it to finish and try again",
            ).into(),
            ManifestLineDamaged => l.pick(
                "dòng này của bản kê đăng (manifest) bị hỏng; cần dạng `đường-dẫn<TAB>cỡ<TAB>sha256`. Hãy xóa bản kê để bắt đầu bản mới (khi đó --delete sẽ không xóa các tệp đã đăng trước)",
                "this line of the publish manifest is damaged; expected `path<TAB>size<TAB>sha256`. Remove the manifest to start a new one (then --delete will not remove files published before)",
            ).into(),
            SpecialFile => l.pick(
                "đây là một liên kết hoặc tệp đặc biệt; thư mục trang để đăng chỉ được chứa tệp bình thường",
                "this is a link or a special file; the site folder to publish may hold only plain files",
            ).into(),
            OutsideSite => l.pick("nằm ngoài thư mục trang", "outside the site folder").into(),
            NameNotUtf8 => l.pick(
                "tên tệp này không phải UTF-8; hãy đổi tên tệp",
                "this file name is not valid UTF-8; rename the file",
            ).into(),
            NoOutput => l.pick(
                "không có thư mục output/ để đăng; hãy chạy `trangtin build` trước, hoặc đăng mà không có --no-build",
                "there is no output/ folder to publish; run `trangtin build` first, or publish without --no-build",
            ).into(),
            OutputOlder { source } => l.pick(
                format!("output/ cũ hơn {source}, tệp đã sửa sau lần dựng trang gần nhất; hãy chạy `trangtin build` trước, hoặc đăng mà không có --no-build"),
                format!("output/ is older than {source}, which changed after the last build; run `trangtin build` first, or publish without --no-build"),
            ),
            OutputCount { count, expected } => l.pick(
                format!("output/ có {count} tệp nhưng dựng trang không kèm bản nháp ghi {expected} tệp: nó đã được dựng với --drafts hoặc bị sửa tay; hãy chạy `trangtin build` (không có --drafts), hoặc đăng mà không có --no-build"),
                format!("output/ holds {count} files but a build without drafts writes {expected}: it was built with --drafts or changed by hand; run `trangtin build` (without --drafts), or publish without --no-build"),
            ),
            MissingProgram { program, package } => l.pick(
                format!("đăng lên máy chủ cần hai chương trình `ssh` và `rsync` trên máy này, và đang thiếu `{program}`; hãy cài bằng `sudo apt-get install {package}` (máy chủ cũng cần rsync)"),
                format!("publishing to a server needs the programs `ssh` and `rsync` on this computer, and `{program}` is missing; install it with `sudo apt-get install {package}` (the server needs rsync too)"),
            ),
            CannotStart { program, why } => l.pick(
                format!("không chạy được `{program}`: {why}"),
                format!("cannot start `{program}`: {why}"),
            ),
            Stopped { program, why } => l.pick(
                format!("`{program}` bị dừng: {why}"),
                format!("`{program}` stopped: {why}"),
            ),
            ProgramFailed { program, code, said, hint } => {
                let code = match code {
                    Some(c) => l.pick(format!("mã thoát {c}"), format!("exit status {c}")),
                    None => l.pick("bị dừng bởi tín hiệu", "killed by a signal").into(),
                };
                let mut msg = l.pick(
                    format!("{program} bị lỗi ({code}):\n  {said}"),
                    format!("{program} failed ({code}):\n  {said}"),
                );
                if let Some(h) = hint {
                    msg.push_str("\n  ");
                    msg.push_str(h.text(l));
                }
                msg
            }
            UploadStopped { part, why } => l.pick(
                format!("tải lên {} bị dừng: {}", part.text(l), why.text(l)),
                format!("uploading the {} stopped: {}", part.text(l), why.text(l)),
            ),
            RemoveStopped { why } => l.pick(
                format!("xóa tệp cũ bị dừng: {}", why.text(l)),
                format!("removing old files stopped: {}", why.text(l)),
            ),
            WriteStopped { name, why } => l.pick(
                format!("ghi {name} bị dừng: {}", why.text(l)),
                format!("writing {name} stopped: {}", why.text(l)),
            ),
            ManifestStopped { why } => l.pick(
                format!("ghi bản kê đăng (manifest) bị dừng: {}", why.text(l)),
                format!("writing the manifest stopped: {}", why.text(l)),
            ),
            AddressMoved { then, now, old_slug } => l.pick(
                format!("địa chỉ của trang này đã đổi từ lần đăng trước: {then} → {now}; khi đăng, địa chỉ cũ được giữ và chuyển hướng sang địa chỉ mới (muốn giữ địa chỉ cũ thì hãy viết `slug: {old_slug}`)"),
                format!("the address of this page changed since the last publish: {then} → {now}; publish will keep the old address as a redirect to the new one (to keep the old address instead, write `slug: {old_slug}`)"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        let s = || "x".to_string();
        let why = || Box::new(Publish::Stopped { program: s(), why: s() });
        let mut all = vec![
            Publish::NoTarget,
            Publish::RollbackNeedsFolder,
            Publish::NothingToRollBack,
            Publish::OldestRelease { release: s() },
            Publish::NeedsPlainName,
            Publish::TargetIsFile,
            Publish::LinkNotFolder { points_at: s() },
            Publish::NoLinks { why: s() },
            Publish::CannotSwitch { why: s() },
            Publish::SwitchMountPoint,
            Publish::Busy,
            Publish::ManifestLineDamaged,
            Publish::SpecialFile,
            Publish::OutsideSite,
            Publish::NameNotUtf8,
            Publish::NoOutput,
            Publish::OutputOlder { source: s() },
            Publish::OutputCount { count: 1, expected: 2 },
            Publish::MissingProgram { program: s(), package: s() },
            Publish::CannotStart { program: s(), why: s() },
            Publish::ProgramFailed { program: s(), code: None, said: s(), hint: Some(Hint::KeyRefused) },
            Publish::UploadStopped { part: Part::Feeds, why: why() },
            Publish::RemoveStopped { why: why() },
            Publish::WriteStopped { name: s(), why: why() },
            Publish::ManifestStopped { why: why() },
            Publish::AddressMoved { then: s(), now: s(), old_slug: s() },
        ];
        for p in [
            TargetProblem::Empty,
            TargetProblem::NotFileAddress { text: s() },
            TargetProblem::UnknownScheme { scheme: s() },
            TargetProblem::ScpForm { text: s(), login: s(), path: s() },
        ] {
            all.push(Publish::BadTarget(p));
        }
        for why in [
            SshProblem::NoFolder,
            SshProblem::EmptyUser,
            SshProblem::StartsWithDash,
            SshProblem::NoServer,
            SshProblem::TopFolder,
            SshProblem::OpenBracket,
            SshProblem::BadPort { port: s() },
        ] {
            all.push(Publish::BadTargetInSite(TargetProblem::Ssh { text: s(), why }));
        }
        for h in [Hint::NoRsyncThere, Hint::UnknownHost, Hint::NoAnswer, Hint::CannotWrite] {
            all.push(Publish::ProgramFailed { program: s(), code: Some(1), said: s(), hint: Some(h) });
        }
        crate::diagnostic::msg::says_both(all);
    }
}
