//! `--help` in Vietnamese: clap's texts are written in English beside each
//! option; this puts the Vietnamese over them when messages are in Vietnamese,
//! clap's own `-h`, `-V`, `help` and headings included.

use clap::{Arg, Command};

use crate::text::Lang;

/// The command line's help texts in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Vi => {
            let mut cmd = cmd.subcommand_value_name("LỆNH");
            // Build first, so clap's own `--help`, `--version` and `help`
            // exist and can be worded too.
            cmd.build();
            vietnamese(cmd, "")
        }
    }
}

const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

fn vietnamese(cmd: Command, parent: &str) -> Command {
    let name = cmd.get_name().to_string();
    let key = if parent.is_empty() { "" } else { name.as_str() };
    let usage = usage_line(&cmd, parent);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .override_usage(usage)
        .subcommand_help_heading("Lệnh");
    if let Some(about) = about_vi(key) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    for id in ids {
        cmd = cmd.mut_arg(id.as_str(), |a| arg_vi(a, key));
    }
    let path = if parent.is_empty() {
        name.clone()
    } else {
        format!("{parent} {name}")
    };
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), |s| vietnamese(s, &path));
    }
    cmd
}

/// `trangtin build [TÙY CHỌN]`, `trangtin new [TÙY CHỌN] <TIÊU-ĐỀ>`.
fn usage_line(cmd: &Command, parent: &str) -> String {
    let mut line = if parent.is_empty() {
        cmd.get_name().to_string()
    } else {
        format!("{parent} {}", cmd.get_name())
    };
    line.push_str(" [TÙY CHỌN]");
    for a in cmd.get_positionals() {
        let value = value_name_vi(a.get_id().as_str()).unwrap_or("GIÁ-TRỊ");
        line.push_str(&format!(" <{value}>"));
    }
    if cmd.has_subcommands() {
        line.push_str(" <LỆNH>");
    }
    line
}

fn arg_vi(a: Arg, cmd: &str) -> Arg {
    let id = a.get_id().as_str().to_string();
    let heading = if a.is_positional() {
        "Tham số"
    } else {
        "Tùy chọn"
    };
    let mut a = a
        .help_heading(heading)
        .hide_default_value(true)
        .hide_possible_values(true)
        .long_help(None::<&str>);
    if let Some(text) = help_vi(cmd, &id) {
        a = a.help(text);
    }
    if let Some(value) = value_name_vi(&id) {
        if a.get_action().takes_values() {
            a = a.value_name(value);
        }
    }
    a
}

fn about_vi(cmd: &str) -> Option<&'static str> {
    Some(match cmd {
        "" => "Dựng trang thông tin tin tức và số liệu của cấp ủy từ các bài viết Markdown và số liệu YAML.",
        "build" => "Dựng trang vào thư mục kết quả, chỉ làm lại những gì đã thay đổi từ lần dựng trước.",
        "check" => "Chạy mọi bước kiểm tra của `build`, thêm liên kết và tệp bên trong trang, không ghi gì.",
        "publish" => "Dựng trang, kiểm tra, rồi đăng lên máy chủ web: một thư mục hoặc ssh://nguoidung@may-chu/thu-muc.",
        "serve" => "Dựng trang, chạy trang trên máy này, dựng lại khi có thay đổi và tải lại các trang đang mở.",
        "init" => "Tạo một trang mới có sẵn bài viết mẫu, một bộ số liệu và một biểu đồ.",
        "new" => "Tạo tệp bài viết mới, điền sẵn phần đầu bài.",
        "help" => "In hướng dẫn này, hoặc hướng dẫn của một lệnh.",
        _ => return None,
    })
}

/// The Vietnamese of each option's help; `cmd` is the subcommand ("" at the top).
fn help_vi(cmd: &str, id: &str) -> Option<&'static str> {
    Some(match (cmd, id) {
        (_, "help") => "In hướng dẫn.",
        (_, "version") => "In số phiên bản.",
        (_, "lang") => "Ngôn ngữ của thông báo: vi hoặc en (mặc định: mục `language` của trang; ngoài thư mục trang thì theo LANG).",
        (_, "message_format") => "Cách in lỗi: human (dòng có lỗi với dấu ^ chỉ chỗ sai; mặc định), short (mỗi lỗi một dòng) hoặc json (mỗi lỗi một đối tượng JSON trên một dòng, ra đầu ra chuẩn).",
        ("new", "root") => "Thư mục trang (thư mục chứa content/); mặc định: thư mục hiện tại.",
        (_, "root") => "Thư mục trang (thư mục chứa content/); mặc định: thư mục hiện tại.",
        ("serve", "output") => "Nơi ghi các tệp để chạy thử; mặc định: một thư mục trong thư mục tạm của hệ thống.",
        (_, "output") => "Nơi ghi trang; mặc định: thư mục output/ trong thư mục trang.",
        (_, "base_url") => "Dùng địa chỉ này thay cho base_url trong site.yaml.",
        ("serve", "drafts") => "Hiện cả các bài có `draft: true` (kèm dấu bản nháp).",
        (_, "drafts") => "Dựng cả các bài có `draft: true` (bản nháp).",
        (_, "clock") => "Thời điểm coi là bây giờ, dạng \"YYYY-MM-DD HH:MM\" theo múi giờ của trang: bài có ngày muộn hơn thì chờ, và `expires` được so với thời điểm này (mặc định: bây giờ).",
        (_, "quiet") => "Chỉ in lỗi, không in gì khác.",
        (_, "verbose") => "Liệt kê mọi liên kết ra ngoài (chỉ đếm, không bao giờ tải về).",
        (_, "fix") => "Tự sửa những lỗi sửa được, rồi kiểm tra lại.",
        (_, "to") => "Nơi đăng: /var/www/site, file:///var/www/site hoặc ssh://nguoidung@may-chu:cong/thu-muc; mặc định: mục `publish:` trong site.yaml.",
        (_, "dry_run") => "Liệt kê những gì sẽ thêm, sửa và xóa, không thay đổi gì.",
        (_, "delete") => "Xóa các tệp của lần đăng trước mà bản dựng mới không còn (không bao giờ xóa tệp do người đặt vào bằng tay).",
        (_, "rollback") => "Đưa nơi đăng dạng thư mục về bản phát hành trước bản hiện tại.",
        (_, "fresh") => "Dựng lại toàn bộ từ đầu: bỏ qua bản ghi lần dựng trước trong .trangtin-cache/.",
        (_, "no_build") => "Đăng output/ như đang có (bị từ chối nếu nó cũ hơn content/ hoặc themes/).",
        (_, "keep") => "Số bản phát hành giữ lại ở nơi đăng dạng thư mục (mặc định: 5).",
        (_, "port") => "Cổng để chạy trang (mặc định: 1111).",
        (_, "bind") => "Địa chỉ để mở cổng (mặc định: 127.0.0.1); địa chỉ khác 127.0.0.1 hoặc ::1 cho phép máy khác xem bản xem trước.",
        (_, "open") => "Mở trang trong trình duyệt.",
        (_, "dir") => "Thư mục để tạo trang mới.",
        (_, "force") => "Thêm trang mẫu vào thư mục đã có tệp (tệp đã có được giữ nguyên).",
        (_, "title") => "Tiêu đề bài viết; địa chỉ của bài được tạo từ tiêu đề.",
        (_, "category") => "Chuyên mục của bài viết.",
        (_, "org") => "Mã tổ chức (trong organizations.yaml) mà bài viết thuộc về.",
        _ => return None,
    })
}

fn value_name_vi(id: &str) -> Option<&'static str> {
    Some(match id {
        "root" | "output" | "dir" => "THƯ-MỤC",
        "lang" => "NGÔN-NGỮ",
        "message_format" => "KIỂU",
        "base_url" => "ĐỊA-CHỈ",
        "clock" => "THỜI-ĐIỂM",
        "to" => "NƠI-ĐĂNG",
        "keep" => "SỐ",
        "port" => "CỔNG",
        "bind" => "ĐỊA-CHỈ-IP",
        "title" => "TIÊU-ĐỀ",
        "category" => "CHUYÊN-MỤC",
        "org" => "MÃ",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn help_of(args: &[&str]) -> String {
        let cmd = localize(crate::cli::Cli::command(), Lang::Vi);
        match cmd.try_get_matches_from(args) {
            Err(e) => e.render().to_string(),
            Ok(_) => panic!("--help was not shown"),
        }
    }

    #[test]
    fn every_option_has_vietnamese_help() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        let mut all = vec![(String::new(), cmd.clone())];
        all.extend(
            cmd.get_subcommands()
                .map(|s| (s.get_name().to_string(), s.clone())),
        );
        for (name, c) in &all {
            if about_vi(name).is_none() {
                missing.push(format!("about of `{name}`"));
            }
            for a in c.get_arguments() {
                if help_vi(name, a.get_id().as_str()).is_none() {
                    missing.push(format!("{name} --{}", a.get_id()));
                }
            }
        }
        assert!(missing.is_empty(), "no Vietnamese for: {missing:?}");
    }

    #[test]
    fn help_has_vietnamese_headings() {
        let top = help_of(&["trangtin", "--help"]);
        for word in [
            "Cách dùng: trangtin [TÙY CHỌN] <LỆNH>",
            "Lệnh:",
            "Tùy chọn:",
            "In hướng dẫn.",
        ] {
            assert!(top.contains(word), "{word}: {top}");
        }
        let new = help_of(&["trangtin", "new", "--help"]);
        assert!(
            new.contains("Cách dùng: trangtin new [TÙY CHỌN] <TIÊU-ĐỀ>"),
            "{new}"
        );
        assert!(new.contains("Tham số:"), "{new}");
    }
}
