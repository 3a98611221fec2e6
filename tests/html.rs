//! The HTML report: self-contained, complete, and working in a real browser (headless
//! Chromium; skipped with a message when none is installed — CI installs Debian's).

mod common;

use corroborate::render::{html, Extras};
use corroborate::{Corpus, FindingKind, Report};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The seeds when `../shared` is beside the checkout, else the built-in sample corpus.
fn corpus() -> (&'static str, Report) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    files.sort();
    let mut corpus = Corpus::new();
    if files.is_empty() {
        for (id, text) in common::SAMPLE {
            corpus.add(id, text).unwrap();
        }
        return ("sample", corpus.reconcile());
    }
    for f in &files {
        let id = f.file_name().unwrap().to_string_lossy();
        corpus.add_bytes(&id, &std::fs::read(f).unwrap()).unwrap();
    }
    ("seeds", corpus.reconcile())
}

#[test]
fn the_page_is_self_contained_and_holds_every_finding_and_article() {
    let (_, report) = corpus();
    let page = html::render(&report, &Extras::default());
    for external in ["<link", " src=", "@import", "url(", "http://", "https://"] {
        assert!(!page.contains(external), "the page loads '{external}'");
    }
    for i in 0..report.findings.len() {
        assert!(page.contains(&format!("id=\"f{i}\"")), "finding {i}");
    }
    for (d, doc) in report.documents.iter().enumerate() {
        assert!(page.contains(&format!("id=\"d{d}\"")), "{}", doc.id);
        for s in 0..doc.sentences.len() {
            assert!(
                page.contains(&format!("id=\"s{d}-{s}\"")),
                "{} #{s}",
                doc.id
            );
        }
    }
}

fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("CHROMIUM").map(PathBuf::from);
    let known = [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ];
    named
        .into_iter()
        .chain(known.iter().map(PathBuf::from))
        .find(|p| p.is_file())
}

/// Runs headless Chromium with `args` on `page`, killed after two minutes; returns what it
/// printed (written to a file, so a large DOM never blocks on a full pipe).
fn run_chromium(browser: &Path, profile: &Path, args: &[&str], page: &Path) -> String {
    let stdout = profile.with_extension("out");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(std::fs::File::create(&stdout).expect("stdout file"))
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = std::fs::read(&stdout).unwrap_or_default();
    let _ = std::fs::remove_file(&stdout);
    String::from_utf8_lossy(&out).into_owned()
}

/// Checks run inside the page: they write their results as JSON into `<pre id="checks">`.
const CHECKS: &str = r#"<script>
(function () {
  var r = {};
  var q = function (s) { return document.querySelectorAll(s); };
  r.findings = q("li.finding").length;
  r.columns = q("article.doc").length;
  r.contradiction_marks = q("ol.sentences mark.ev-contradiction").length;
  r.garbled_marks = q("ol.sentences mark.ev-garbled").length;
  r.garbled_sentences = q("ol.sentences li.s.garbled").length;
  r.name_variants = q("ol.sentences mark.name-variant").length;
  r.both_sides = 0;
  Array.prototype.forEach.call(q("li.finding.contradiction"), function (f) {
    var sides = f.getAttribute("data-s").split(" ").slice(0, 2);
    var marked = sides.filter(function (id) {
      var s = document.getElementById(id);
      return s && Array.prototype.some.call(s.querySelectorAll("mark.ev-contradiction"), function (m) {
        return (m.getAttribute("data-f") || "").split(" ").indexOf(f.id) >= 0;
      });
    });
    if (marked.length === 2) { r.both_sides += 1; }
  });
  var key = function (k) { document.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true })); };
  var current = function () { var c = document.querySelector("li.finding.current"); return c ? c.id : null; };
  r.first_finding = document.querySelector("li.finding").id;
  key("j"); r.nav_first = current(); r.hits = q("li.s.hit").length;
  key("j"); r.nav_second = current();
  key("k"); r.nav_back = current();
  key("Escape"); r.after_escape = current();
  var s = document.querySelector("li.s[data-links]");
  s.click(); r.linked = q("li.s.linked").length; r.active = q("li.s.active").length;
  r.errors = window.__errors;
  window.scrollTo(0, 0);
  var pre = document.createElement("pre");
  pre.id = "checks";
  pre.textContent = JSON.stringify(r);
  document.body.appendChild(pre);
})();
</script>
"#;

#[test]
fn the_page_works_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium installed (apt-get install -y chromium, or set CHROMIUM)");
        return;
    };
    let (name, report) = corpus();
    let page = html::render(&report, &Extras::default());
    let catcher = "<head>\n<script>window.__errors = []; window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });</script>";
    let tested =
        page.replacen("<head>", catcher, 1)
            .replacen("</body>", &format!("{CHECKS}</body>"), 1);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let profile = dir.join(format!("profile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::create_dir_all(&profile).unwrap();
    let checked = dir.join(format!("{name}-checked.html"));
    std::fs::write(&checked, &tested).unwrap();

    let dom = run_chromium(&browser, &profile, &["--dump-dom"], &checked);
    let json = dom
        .split_once("<pre id=\"checks\">")
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(j, _)| {
            j.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .unwrap_or_else(|| {
            panic!(
                "no checks in the DOM (script error?): {}",
                &dom[..dom.len().min(500)]
            )
        });
    let r: serde_json::Value = serde_json::from_str(&json).unwrap();
    eprintln!("{name}: {r}");
    let n = |k: &str| r[k].as_u64().unwrap_or_else(|| panic!("{k}: {r}")) as usize;
    assert_eq!(r["errors"], serde_json::json!([]), "script errors");
    assert_eq!(n("findings"), report.findings.len());
    assert_eq!(n("columns"), report.documents.len());
    let contradictions = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Contradiction);
    let with_two_sides = contradictions
        .filter(|f| {
            f.sentences.len() >= 2
                && f.sentences[..2].iter().all(|s| {
                    f.evidence
                        .iter()
                        .any(|e| e.document == s.document && e.sentence == s.sentence)
                })
        })
        .count();
    assert!(
        with_two_sides > 0,
        "the corpus has contradictions with evidence on both sides"
    );
    assert_eq!(
        n("both_sides"),
        with_two_sides,
        "contradiction spans marked in both articles"
    );
    assert!(n("contradiction_marks") > 0);
    let garbled = report
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::GarbledTranslation);
    assert_eq!(n("garbled_sentences") > 0, garbled);
    assert!(n("name_variants") > 0, "name variants underlined");
    assert_eq!(
        r["nav_first"], r["first_finding"],
        "j selects the first finding"
    );
    assert!(
        n("hits") > 0,
        "its sentences are highlighted in the columns"
    );
    assert_ne!(r["nav_second"], r["nav_first"]);
    assert_eq!(r["nav_back"], r["nav_first"], "k goes back");
    assert!(r["after_escape"].is_null());
    assert!(
        n("linked") > 0 && n("active") == 1,
        "clicking a sentence lights its aligned sentences"
    );

    // The screenshot shows the page as the checks left it: a sentence and its aligned ones lit.
    let shot = dir.join(format!("{name}.png"));
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &browser,
        &profile,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1500,1100",
            "--hide-scrollbars",
        ],
        &checked,
    );
    assert!(
        std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
        "screenshot at {}",
        shot.display()
    );
    eprintln!("screenshot: {}", shot.display());
    let _ = std::fs::remove_dir_all(&profile);
}
