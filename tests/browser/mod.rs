//! Shared by the browser tests: headless Chromium driven through chromedriver
//! (WebDriver, with the `fantoccini` crate), a static file server on
//! 127.0.0.1, and the built site they look at.
//!
//! The calls are blocking (each runs the async client to completion on a small
//! runtime) so a test reads as a list of steps. Diagnostics panic with the step and
//! the page, as test failures should.
#![allow(dead_code)]

pub mod server;
pub mod tools;

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

pub use server::Server;

/// One headless Chromium window, closed (with its chromedriver) when dropped.
pub struct Browser {
    rt: tokio::runtime::Runtime,
    client: Option<Client>,
    driver: Child,
    // Chromium's profile: one per browser, so parallel tests don't share it.
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver and a 1280×900 headless window; `None` (after a
    /// notice) when Chromium is missing outside CI.
    pub fn start() -> Option<Browser> {
        let (chromium, chromedriver) = tools::chromium()?;
        let profile = tempfile::tempdir().expect("a temporary folder");
        let port = free_port();
        let log = profile.path().join("chromedriver.log");
        let mut driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", chromedriver.display()));
        wait_for_port(port, &mut driver, &log);
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                    "--no-proxy-server", "--window-size=1280,900", "--force-device-scale-factor=1",
                    format!("--user-data-dir={}", profile.path().join("chrome").display()),
                ],
            },
        });
        let Value::Object(caps) = caps else {
            unreachable!("a JSON object")
        };
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = rt.block_on(
            ClientBuilder::new(connector)
                .capabilities(caps)
                .connect(&format!("http://127.0.0.1:{port}")),
        );
        let client = match client {
            Ok(c) => c,
            Err(e) => {
                let _ = driver.kill();
                let _ = driver.wait();
                panic!(
                    "chromedriver did not open a Chromium session: {e}\n{}",
                    tail(&log)
                );
            }
        };
        // Generous limits: the machine is shared and axe takes a while on long pages.
        let limits = TimeoutConfiguration::new(
            Some(Duration::from_secs(120)),
            Some(Duration::from_secs(120)),
            None,
        );
        rt.block_on(client.update_timeouts(limits))
            .expect("set the WebDriver timeouts");
        Some(Browser {
            rt,
            client: Some(client),
            driver,
            _profile: profile,
        })
    }

    fn client(&self) -> &Client {
        self.client.as_ref().expect("an open session")
    }

    /// Opens `url` and waits for its `load` event.
    pub fn goto(&self, url: &str) {
        self.rt
            .block_on(self.client().goto(url))
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// The address now shown.
    pub fn url(&self) -> String {
        self.rt
            .block_on(self.client().current_url())
            .map(|u| u.to_string())
            .unwrap_or_else(|e| panic!("no current URL: {e}"))
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns what it returns.
    pub fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.rt
            .block_on(self.client().execute(script, args))
            .unwrap_or_else(|e| panic!("script failed on {}: {e}\n{script}", self.url()))
    }

    /// Like [`js`](Self::js) for a script that calls its last argument when done.
    pub fn js_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.rt
            .block_on(self.client().execute_async(script, args))
            .unwrap_or_else(|e| panic!("script failed on {}: {e}\n{script}", self.url()))
    }

    /// Runs a script file (axe-core, say) in the page.
    pub fn inject(&self, file: &Path) {
        let src = std::fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("read {}: {e}", file.display()));
        self.js(&src, vec![]);
    }

    /// Clicks the first element matching `css` and waits for any page it opens.
    pub fn click(&self, css: &str) {
        let c = self.client();
        let el = self
            .rt
            .block_on(c.find(Locator::Css(css)))
            .unwrap_or_else(|e| panic!("no `{css}` on {}: {e}", self.url()));
        self.rt
            .block_on(el.click())
            .unwrap_or_else(|e| panic!("cannot click `{css}` on {}: {e}", self.url()));
    }

    /// A Chrome DevTools command through chromedriver (`Emulation.*`, say).
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        let command = Cdp {
            cmd: cmd.to_string(),
            params,
        };
        self.rt
            .block_on(self.client().issue_cmd(command))
            .unwrap_or_else(|e| panic!("DevTools {cmd} failed: {e}"))
    }

    /// Lays pages out as on a phone `width` CSS pixels wide (and 740 high).
    pub fn phone(&self, width: u32) {
        let metrics =
            json!({ "width": width, "height": 740, "deviceScaleFactor": 1, "mobile": true });
        self.cdp("Emulation.setDeviceMetricsOverride", metrics);
    }

    /// Applies the `print` (or `screen`) media type, as when printing.
    pub fn media(&self, media: &str) {
        self.cdp("Emulation.setEmulatedMedia", json!({ "media": media }));
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(c) = self.client.take() {
            let _ = self.rt.block_on(c.close());
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// chromedriver's own endpoint for DevTools commands.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()),
        )
    }
}

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
    l.local_addr().expect("an address").port()
}

/// Waits until chromedriver listens (it takes a moment to start).
fn wait_for_port(port: u16, driver: &mut Child, log: &Path) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = driver.try_wait() {
            panic!("chromedriver exited at start ({status})\n{}", tail(log));
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = driver.kill();
            panic!(
                "chromedriver did not listen on port {port} within a minute\n{}",
                tail(log)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The end of chromedriver's log, for failure messages.
fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    format!(
        "chromedriver log ({}):\n{}",
        log.display(),
        lines[lines.len().saturating_sub(30)..].join("\n")
    )
}

/// The sample site (content/ at the crate root) built into a temporary folder
/// and served on 127.0.0.1, with its base URL pointing there.
pub struct SampleSite {
    pub server: Server,
    pub output: PathBuf,
    _tmp: tempfile::TempDir,
}

impl SampleSite {
    pub fn build() -> SampleSite {
        SampleSite::build_from(Path::new(env!("CARGO_MANIFEST_DIR")))
    }

    /// A site folder other than the sample (a test fixture), built and served alike.
    pub fn build_from(root: &Path) -> SampleSite {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let output = tmp.path().join("site");
        let server = Server::start(&output);
        let out = Command::new(env!("CARGO_BIN_EXE_trangtin"))
            .args([
                "build",
                "--quiet",
                "--base-url",
                &server.base_url(),
                "--output",
            ])
            .arg(&output)
            .arg("--root")
            .arg(root)
            .output()
            .unwrap_or_else(|e| panic!("cannot run trangtin: {e}"));
        assert!(
            out.status.success(),
            "the sample site did not build:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        SampleSite {
            server,
            output,
            _tmp: tmp,
        }
    }

    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    /// `/dir/<first sub-folder with an index.html>/`, in name order: a page of
    /// that kind whatever the sample content is called.
    pub fn first_page_under(&self, dir: &str) -> String {
        let mut names: Vec<String> = std::fs::read_dir(self.output.join(dir))
            .unwrap_or_else(|e| panic!("the output has no {dir}/: {e}"))
            .filter_map(Result::ok)
            .filter(|e| e.path().join("index.html").is_file() && e.file_name() != "trang")
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let first = names
            .first()
            .unwrap_or_else(|| panic!("no page under {dir}/"));
        format!("/{dir}/{first}/")
    }

    /// The page (`/tin-tuc/x/`) whose HTML holds `needle` most often; ties go
    /// to the first in name order.
    pub fn page_with_most(&self, dir: &str, needle: &str) -> String {
        let mut best: Option<(usize, String)> = None;
        let mut names: Vec<String> = std::fs::read_dir(self.output.join(dir))
            .unwrap_or_else(|e| panic!("the output has no {dir}/: {e}"))
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in names {
            let html =
                std::fs::read_to_string(self.output.join(dir).join(&name).join("index.html"))
                    .unwrap_or_default();
            let n = html.matches(needle).count();
            if n > 0 && best.as_ref().is_none_or(|(m, _)| n > *m) {
                best = Some((n, format!("/{dir}/{name}/")));
            }
        }
        best.unwrap_or_else(|| panic!("no page under {dir}/ holds {needle:?}"))
            .1
    }
}
