//! The HTML report opened in a real browser: Debian's `chromium`, headless.
//!
//! Driver: Chromium's own command line (`--dump-dom`, `--screenshot`) and a small probe
//! script put into a copy of the page, which reads the live DOM once the page has loaded
//! and writes what it found into the DOM as JSON; the test reads the dumped DOM back. No
//! crate, no WebDriver, no download: the lightest driver that checks the live DOM, and one
//! that cannot drift from the browser's version. The probe catches errors from the first
//! script on (it runs first), and Chromium's own console log is read too.
//!
//! Where no browser exists the browser tests print SKIPPED on standard error; with
//! `CI=true` they fail instead (`.ci/run` installs `chromium`). Screenshots of the pages
//! go to `target/tmp/html-report/` (not committed).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use draftdiff::diff::{DiffOptions, report};
use draftdiff::model::Report;
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions};
use serde_json::Value;

const REFERENCE: (&str, &str) = (
    "examples/data/outline-draft.txt",
    "examples/data/final-report.txt",
);
const DARWIN: (&str, &str) = (
    "tests/fixtures/darwin/1859.txt",
    "tests/fixtures/darwin/1872.txt",
);

/// The legend's kinds, in order.
const KINDS: [&str; 9] = [
    "unchanged",
    "renumbered",
    "edited",
    "rewritten",
    "moved",
    "merged",
    "split",
    "added",
    "removed",
];

fn build(old: &str, new: &str) -> Report {
    let old = draftdiff::load(old, &ReadOptions::new(), &SegmentOptions::new()).expect("old loads");
    let new = draftdiff::load(new, &ReadOptions::new(), &SegmentOptions::new()).expect("new loads");
    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
    report(old, new, alignment, &DiffOptions::new())
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report");
    std::fs::create_dir_all(&dir).expect("output directory");
    dir
}

/// Writes the page of `old` → `new` with the binary, as a user would, and returns its path.
fn page(name: &str, (old, new): (&str, &str)) -> PathBuf {
    let path = out_dir().join(format!("{name}.html"));
    let status = Command::cargo_bin("draftdiff")
        .expect("binary")
        .args([old, new, "--format", "html", "-o"])
        .arg(&path)
        .status()
        .expect("draftdiff runs");
    assert!(matches!(status.code(), Some(0 | 1)), "{status}");
    path
}

/// The browser, or `None` (after saying SKIPPED) where there is none and CI is unset.
fn browser() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        });
    if found.is_none() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("CI=true but no chromium on PATH: .ci/run should have installed it");
        }
        // Straight to the process's standard error: the test harness captures eprintln!.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: HTML browser test: no chromium on PATH (apt-get install chromium)"
        );
    }
    found
}

/// Chromium, headless, sandboxed only where it can be (root in a container cannot), with
/// every host name unresolvable so nothing could leave the machine anyway.
fn chromium(browser: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr",
        "--v=0",
    ]);
    // A profile of its own: tests run in parallel, and Chromium locks its profile.
    cmd.arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// The probe: installed before anything else on the page, it records errors and, once the
/// page has loaded, what the DOM holds.
const PROBE: &str = r#"
window.__errors = [];
addEventListener('error', e => __errors.push('error: ' + e.message));
addEventListener('securitypolicyviolation', e => __errors.push('csp: ' + e.blockedURI));
const __consoleError = console.error;
console.error = (...a) => { __errors.push('console: ' + a.join(' ')); __consoleError.apply(console, a); };
addEventListener('load', () => {
  const q = s => Array.from(document.querySelectorAll(s));
  const r = {};
  r.rows = q('tr.row').length;
  r.moved_from = q('tr.moved-from').length;
  r.links = new Set(q('tr.row[data-link]').map(e => e.dataset.link)).size;
  r.level = (document.getElementById('lineage') || {dataset: {}}).dataset.level;
  r.ribbons = q('#lineage a.ribbon').length;
  r.ribbon_kinds = {};
  for (const k of KINDS) r.ribbon_kinds[k] = q('#lineage a.ribbon.k-' + k).length;
  r.added_boxes = q('#lineage rect.added').length;
  r.removed_boxes = q('#lineage rect.removed').length;
  r.legend = q('.legend-entry').map(e => [e.dataset.kind, Number(e.dataset.count)]);
  r.missing_targets = q('a[href]').map(a => a.getAttribute('href'))
    .filter(h => !h.startsWith('#') || !document.getElementById(h.slice(1)));
  r.ribbons_without_target = q('#lineage a.ribbon').filter(a => {
    const h = a.getAttribute('href') || '';
    return !h.startsWith('#') || !document.getElementById(h.slice(1));
  }).length;
  r.external = q('[src],[srcset],[action],[poster],link,iframe,object,embed,img,video,audio,base')
    .map(e => e.outerHTML.slice(0, 80));
  r.resources = performance.getEntriesByType('resource').map(e => e.name);
  const text = document.body.textContent;
  r.missing_text = NEW_TEXTS.filter(t => !text.includes(t)).map(t => t.slice(0, 60));
  r.landmarks = {
    lang: document.documentElement.lang,
    banner: q('body > header').length,
    navigation: q('nav[aria-labelledby]').length,
    main: q('main').length,
    contentinfo: q('body > footer').length,
    h1: q('h1').length,
    h2: q('h2').length,
    picture_named: !!document.querySelector('#lineage[aria-labelledby="lineage-title"][aria-describedby="lineage-desc"]')
      && !!document.getElementById('lineage-desc') && document.getElementById('lineage-desc').textContent.length > 100,
    tables: q('table').length,
    tables_with_headers: q('table').filter(t => t.querySelectorAll('thead th[scope=col]').length === 3).length,
    unlabelled_inputs: q('input').filter(i => !document.querySelector('label[for="' + i.id + '"]')).length,
  };
  // Text contrast (WCAG 2.1 AA, 1.4.3): each element that holds text, its colour against the
  // first opaque background behind it; 4.5:1, or 3:1 for large text.
  const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const bg = el => {
    for (; el && el.nodeType === 1; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.99)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  r.contrast_checked = 0;
  r.contrast_failures = [];
  const seen = new Set();
  for (const el of q('body *')) {
    if (el.closest('svg') && el.tagName !== 'text') continue;
    if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const st = getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden' || st.clipPath === 'inset(50%)') continue;
    const fg = rgb(el.tagName === 'text' ? st.fill : st.color).slice(0, 3);
    const back = bg(el.tagName === 'text' ? el.closest('svg') : el);
    const key = fg + '/' + back + '/' + st.fontSize + st.fontWeight;
    r.contrast_checked += 1;
    if (seen.has(key)) continue;
    seen.add(key);
    const [a, b] = [lum(fg), lum(back)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(st.fontSize), bold = Number(st.fontWeight) >= 700;
    const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    if (ratio < need) r.contrast_failures.push(el.tagName + ' ' + fg + ' on ' + back + ': ' + ratio.toFixed(2));
  }
  // Ribbon fills (WCAG 2.1, 1.4.11 non-text contrast): each ribbon's fill, blended at its
  // opacity over the picture's background, 3:1 at least against that background. A
  // hatched fill is read from its pattern's ground (the stripes are darker still).
  r.ribbon_contrast_checked = 0;
  r.ribbon_contrast_failures = [];
  const ribbonSeen = new Set();
  for (const path of q('svg .ribbon path')) {
    const st = getComputedStyle(path);
    let fill = st.fill, alpha = Number(st.fillOpacity);
    const url = fill.match(/url\("?#([^")]+)"?\)/);
    if (url) {
      const ground = document.querySelector('#' + url[1] + ' rect');
      fill = getComputedStyle(ground).fill;
      alpha *= Number(ground.getAttribute('fill-opacity') || 1);
    }
    const back = bg(path.closest('svg'));
    const c = rgb(fill).slice(0, 3).map((v, i) => v * alpha + back[i] * (1 - alpha));
    const key = fill + '/' + alpha + '/' + back;
    r.ribbon_contrast_checked += 1;
    if (ribbonSeen.has(key)) continue;
    ribbonSeen.add(key);
    const [a, b] = [lum(c), lum(back)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 3) r.ribbon_contrast_failures.push(path.parentElement.getAttribute('class') + ' ' + fill + ' at ' + alpha + ': ' + ratio.toFixed(2));
  }
  // Labels of the lineage picture that run off its edges.
  const svg = document.getElementById('lineage');
  r.labels_checked = 0;
  r.labels_outside = svg ? Array.from(svg.querySelectorAll('text')).filter(t => {
    r.labels_checked += 1;
    const b = t.getBBox(), w = svg.viewBox.baseVal.width;
    return b.x < 0 || b.x + b.width > w;
  }).map(t => t.textContent) : [];
  // From the start of navigation to the load event (this handler runs in it).
  r.load_ms = Math.round(performance.now());
  r.errors = window.__errors;
  const pre = document.createElement('pre');
  pre.id = 'probe-result';
  pre.textContent = JSON.stringify(r);
  document.body.appendChild(pre);
});
"#;

/// Opens a copy of `page` with the probe in it (and without the page's own
/// Content-Security-Policy, which would block the probe and would hide any request the page
/// tried to make) and returns what the probe found, and Chromium's console lines.
fn probe(browser: &Path, page: &Path, new_texts: &[String]) -> (Value, Vec<String>) {
    let html = std::fs::read_to_string(page).expect("page");
    let csp = html
        .lines()
        .find(|l| l.contains("Content-Security-Policy"))
        .expect("the page declares a Content-Security-Policy");
    assert!(csp.contains("default-src 'none'"), "{csp}");
    let texts = serde_json::to_string(new_texts)
        .expect("json")
        .replace("</", "<\\/");
    let kinds = serde_json::to_string(&KINDS).expect("json");
    let script =
        format!("<script>const NEW_TEXTS = {texts}; const KINDS = {kinds};{PROBE}</script>");
    let probed = html
        .replacen(csp, "", 1)
        .replacen("<head>", &format!("<head>\n{script}"), 1);
    let copy = page.with_extension("probe.html");
    std::fs::write(&copy, probed).expect("probe copy");
    let profile = tempfile::tempdir().expect("profile directory");
    let output = chromium(browser, profile.path())
        .arg("--dump-dom")
        .arg(format!("file://{}", copy.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    let start = dom.find("<pre id=\"probe-result\">").unwrap_or_else(|| {
        panic!(
            "no probe result; chromium said:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    }) + "<pre id=\"probe-result\">".len();
    let end = start + dom[start..].find("</pre>").expect("end of probe result");
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    let console = String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    let _ = std::fs::remove_file(&copy);
    let _ = std::fs::write(page.with_extension("probe.json"), &json);
    (serde_json::from_str(&json).expect("probe json"), console)
}

/// Screenshot of the top of `page` (header, picture and the first rows) into target/.
fn screenshot(browser: &Path, page: &Path, height: u32) -> PathBuf {
    let png = page.with_extension("png");
    let _ = std::fs::remove_file(&png);
    let profile = tempfile::tempdir().expect("profile directory");
    let output = chromium(browser, profile.path())
        .arg(format!("--window-size=1280,{height}"))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        png.metadata().is_ok_and(|m| m.len() > 10_000),
        "no screenshot; chromium said:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    eprintln!("screenshot: {}", png.display());
    png
}

/// Everything the browser must find on the page of `pair`.
fn check_in_browser(name: &str, pair: (&str, &str)) {
    let Some(browser) = browser() else { return };
    let report = build(pair.0, pair.1);
    let path = page(name, pair);
    let texts: Vec<String> = report.new.units.iter().map(|u| u.text.clone()).collect();
    let (r, console) = probe(&browser, &path, &texts);
    let s = &report.summary;
    let a = &report.alignment;
    let n = |key: &str| r[key].as_u64().unwrap_or(u64::MAX) as usize;

    assert_eq!(
        r["level"], "units",
        "both test pairs are drawn unit by unit"
    );
    assert_eq!(n("rows"), report.new.units.len() + a.removed.len(), "rows");
    let moved_old: usize = a
        .links
        .iter()
        .filter(|l| l.moved)
        .map(|l| l.old.len())
        .sum();
    assert_eq!(n("moved_from"), moved_old, "moved-from rows");
    assert_eq!(n("links"), a.links.len(), "links shown in rows");
    assert_eq!(n("ribbons"), a.links.len(), "ribbons");
    let counts = [
        s.unchanged,
        s.renumbered,
        s.edited,
        s.rewritten,
        s.moved,
        s.merged,
        s.split,
        s.added,
        s.removed,
    ];
    let legend: Vec<(String, usize)> = r["legend"]
        .as_array()
        .expect("legend")
        .iter()
        .map(|e| {
            (
                e[0].as_str().unwrap_or("").to_string(),
                e[1].as_u64().unwrap_or(0) as usize,
            )
        })
        .collect();
    let expected: Vec<(String, usize)> = KINDS
        .iter()
        .zip(counts)
        .map(|(k, c)| (k.to_string(), c))
        .collect();
    assert_eq!(legend, expected, "legend entries");
    for (kind, count) in KINDS.iter().zip(counts).take(7) {
        assert_eq!(
            r["ribbon_kinds"][kind].as_u64(),
            Some(count as u64),
            "ribbons of kind {kind}"
        );
    }
    assert_eq!(n("added_boxes"), a.added.len(), "added boxes");
    assert_eq!(n("removed_boxes"), a.removed.len(), "removed boxes");
    assert_eq!(n("ribbons_without_target"), 0);
    assert_eq!(
        r["missing_targets"],
        Value::Array(vec![]),
        "links to nowhere"
    );
    assert_eq!(r["external"], Value::Array(vec![]), "external elements");
    assert_eq!(
        r["resources"],
        Value::Array(vec![]),
        "requests made by the page"
    );
    assert_eq!(r["errors"], Value::Array(vec![]), "errors on the page");
    let console_errors: Vec<&String> = console
        .iter()
        .filter(|l| l.contains("ERROR") || l.contains("Uncaught") || l.contains("rror"))
        .collect();
    assert!(console_errors.is_empty(), "console: {console_errors:?}");
    assert_eq!(
        r["missing_text"],
        Value::Array(vec![]),
        "new text not on the page"
    );
    // Landmarks and structure.
    let l = &r["landmarks"];
    assert_eq!(l["lang"], "en");
    for (key, want) in [
        ("banner", 1),
        ("navigation", 1),
        ("main", 1),
        ("contentinfo", 1),
        ("h1", 1),
    ] {
        assert_eq!(l[key].as_u64(), Some(want), "landmark {key}");
    }
    assert!(l["h2"].as_u64() >= Some(3), "headings");
    assert_eq!(
        l["picture_named"], true,
        "the picture has a name and a description"
    );
    assert_eq!(
        l["tables"], l["tables_with_headers"],
        "every table has column headers"
    );
    assert_eq!(l["unlabelled_inputs"].as_u64(), Some(0));
    // Contrast.
    assert!(
        n("contrast_checked") > 100,
        "contrast checked on {}",
        r["contrast_checked"]
    );
    assert_eq!(
        r["contrast_failures"],
        Value::Array(vec![]),
        "text below WCAG AA contrast"
    );
    assert_ribbon_contrast(&r);
    // At least the two column titles.
    assert!(
        n("labels_checked") >= 2,
        "labels checked: {}",
        r["labels_checked"]
    );
    assert_eq!(
        r["labels_outside"],
        Value::Array(vec![]),
        "labels running off the picture"
    );
    eprintln!("{name}: loaded in {} ms (not asserted)", r["load_ms"]);
    screenshot(&browser, &path, 3000);
}

#[test]
fn reference_pair_in_the_browser() {
    check_in_browser("reference", REFERENCE);
}

/// A rewrite whose headings are long (GitHub's privacy statement, CC0: see
/// tests/fixtures/html/SOURCE.md): their labels must stay inside the picture.
#[test]
fn long_headings_in_the_browser() {
    check_in_browser(
        "privacy",
        (
            "tests/fixtures/html/privacy-2023-part.md",
            "tests/fixtures/html/privacy-2024-part.md",
        ),
    );
}

#[test]
fn darwin_pair_in_the_browser() {
    check_in_browser("darwin-1859-1872", DARWIN);
}

#[test]
fn darwin_log_page_in_the_browser() {
    use draftdiff::lineage::{Lineage, LineageOptions};
    let Some(browser) = browser() else { return };
    let eds = ["1859", "1860", "1861", "1866", "1869", "1872"];
    let paths: Vec<String> = eds
        .iter()
        .map(|e| format!("tests/fixtures/darwin/{e}.txt"))
        .collect();
    let path = out_dir().join("darwin-log.html");
    let status = Command::cargo_bin("draftdiff")
        .expect("binary")
        .arg("log")
        .args(&paths)
        .args(["--format", "html", "-o"])
        .arg(&path)
        .status()
        .expect("draftdiff runs");
    assert!(matches!(status.code(), Some(0 | 1)), "{status}");
    let docs = paths
        .iter()
        .map(|p| draftdiff::load(p, &ReadOptions::new(), &SegmentOptions::new()).expect("loads"))
        .collect();
    let lineage = Lineage::build(docs, &LineageOptions::new().revive(true));
    let last = lineage.versions().last().expect("versions");
    let texts: Vec<String> = last.units.iter().map(|u| u.text.clone()).collect();
    let (r, console) = probe(&browser, &path, &texts);
    let n = |key: &str| r[key].as_u64().unwrap_or(u64::MAX) as usize;
    assert_eq!(r["level"], "versions");
    assert_eq!(
        n("rows"),
        last.units.len(),
        "one history row per unit of the last version"
    );
    let links: usize = lineage
        .consecutive_steps()
        .iter()
        .map(|s| s.alignment.links.len())
        .sum();
    assert_eq!(n("ribbons"), links, "a ribbon per link of every step");
    assert_eq!(r["legend"].as_array().map(Vec::len), Some(KINDS.len()));
    assert_eq!(
        r["missing_targets"],
        Value::Array(vec![]),
        "links to nowhere"
    );
    assert_eq!(r["external"], Value::Array(vec![]));
    assert_eq!(r["resources"], Value::Array(vec![]));
    assert_eq!(r["errors"], Value::Array(vec![]));
    assert!(console.is_empty(), "console: {console:?}");
    assert_eq!(
        r["missing_text"],
        Value::Array(vec![]),
        "last version's text"
    );
    assert_eq!(r["landmarks"]["main"].as_u64(), Some(1));
    assert_eq!(r["landmarks"]["picture_named"], true);
    assert_eq!(
        r["contrast_failures"],
        Value::Array(vec![]),
        "text below WCAG AA contrast"
    );
    assert_ribbon_contrast(&r);
    screenshot(&browser, &path, 2000);
}

#[test]
fn darwin_blame_page_in_the_browser() {
    use draftdiff::DiffOptions;
    use draftdiff::lineage::{Lineage, LineageOptions, blame};
    let Some(browser) = browser() else { return };
    let paths: Vec<String> = ["1859", "1866", "1872"]
        .iter()
        .map(|e| format!("tests/fixtures/darwin/{e}.txt"))
        .collect();
    let path = out_dir().join("darwin-blame.html");
    let status = Command::cargo_bin("draftdiff")
        .expect("binary")
        .arg("blame")
        .args(&paths)
        .args(["--format", "html", "-o"])
        .arg(&path)
        .status()
        .expect("draftdiff runs");
    assert!(matches!(status.code(), Some(0 | 1)), "{status}");
    let docs = paths
        .iter()
        .map(|p| draftdiff::load(p, &ReadOptions::new(), &SegmentOptions::new()).expect("loads"))
        .collect();
    let lineage = Lineage::build(docs, &LineageOptions::new().revive(true));
    let last = lineage.versions().last().expect("versions");
    let texts: Vec<String> = last.units.iter().map(|u| u.text.clone()).collect();
    let (r, console) = probe(&browser, &path, &texts);
    let n = |key: &str| r[key].as_u64().unwrap_or(u64::MAX) as usize;
    assert_eq!(
        n("rows"),
        last.units.len(),
        "one row per unit of the last version"
    );
    // Each row says which versions wrote its words, as the blame counts them.
    let b = blame(&lineage, &DiffOptions::new());
    let page = std::fs::read_to_string(&path).expect("page");
    for bu in b.units.iter().take(200) {
        let row = &page[page
            .find(&format!("id=\"b-{}\"", bu.node.unit))
            .expect("row")..];
        let row = &row[..row.find("</tr>").expect("row end")];
        assert!(
            row.contains(&format!("from v{}", bu.origin + 1)),
            "unit {}",
            bu.node.unit
        );
        let written = &row[row.find("</div>").expect("bar") + 6..];
        let written = &written[..written.find("</td>").expect("cell end")];
        for (k, &w) in bu.words_by_version.iter().enumerate() {
            assert_eq!(
                written.contains(&format!("v{} ", k + 1)),
                w > 0,
                "{written}"
            );
        }
    }
    assert_eq!(
        r["missing_targets"],
        Value::Array(vec![]),
        "links to nowhere"
    );
    assert_eq!(r["external"], Value::Array(vec![]));
    assert_eq!(r["resources"], Value::Array(vec![]));
    assert_eq!(r["errors"], Value::Array(vec![]));
    assert!(console.is_empty(), "console: {console:?}");
    assert_eq!(
        r["missing_text"],
        Value::Array(vec![]),
        "last version's text"
    );
    let l = &r["landmarks"];
    assert_eq!(l["main"].as_u64(), Some(1));
    assert_eq!(l["banner"].as_u64(), Some(1));
    assert_eq!(
        l["tables"], l["tables_with_headers"],
        "every table has column headers"
    );
    assert_eq!(
        r["contrast_failures"],
        Value::Array(vec![]),
        "text below WCAG AA contrast"
    );
    screenshot(&browser, &path, 2000);
}

/// Every ribbon of the picture and of the legend was checked, and none is below 3:1.
fn assert_ribbon_contrast(r: &Value) {
    assert!(
        r["ribbon_contrast_checked"].as_u64() > Some(KINDS.len() as u64),
        "ribbon contrast checked on {}",
        r["ribbon_contrast_checked"]
    );
    assert_eq!(
        r["ribbon_contrast_failures"],
        Value::Array(vec![]),
        "ribbon fill below 3:1 against the picture (WCAG 1.4.11)"
    );
}

/// Contrast ratio of two `#rrggbb` colours (WCAG 2.1).
fn contrast(a: &str, b: &str) -> f64 {
    let lum = |hex: &str| {
        let v: Vec<f64> = (0..3)
            .map(|i| {
                u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).expect("hex") as f64 / 255.0
            })
            .map(|c| {
                if c <= 0.03928 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            })
            .collect();
        0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn the_style_sheets_text_colours_meet_wcag_aa_without_a_browser() {
    // Every foreground/background pair the style sheet sets for text, read from the page.
    let page = std::fs::read_to_string(page("contrast", REFERENCE)).expect("page");
    let pairs = [("--fg", "--bg"), ("--muted", "--bg"), ("--link", "--bg")];
    let var = |name: &str| {
        let at = page.find(&format!("{name}:")).expect(name) + name.len() + 1;
        page[at..at + 7].to_string()
    };
    for (fg, bg) in pairs {
        let ratio = contrast(&var(fg), &var(bg));
        assert!(ratio >= 4.5, "{fg} on {bg}: {ratio:.2}");
    }
    let rule = |selector: &str, prop: &str| {
        let at = page.find(selector).expect(selector);
        let body = &page[at..at + page[at..].find('}').expect("rule end")];
        let p = body.find(prop).expect(prop) + prop.len() + 1;
        body[p..p + 7].to_string()
    };
    for sel in ["\ndel{", "\nins{"] {
        let ratio = contrast(&rule(sel, ";color"), &rule(sel, "background"));
        assert!(ratio >= 4.5, "{sel}: {ratio:.2}");
    }
    // Muted text on the tinted heading rows and fold toggles.
    assert!(contrast(&var("--muted"), "#f4f4f4") >= 4.5);
    assert!(contrast(&var("--fg"), "#f2f2f2") >= 4.5);
}

#[test]
fn the_page_is_self_contained_and_deterministic() {
    let a = std::fs::read(page("same-1", DARWIN)).expect("page");
    let b = std::fs::read(page("same-2", DARWIN)).expect("page");
    assert!(a == b, "two runs wrote different bytes");
    let text = String::from_utf8(a).expect("utf-8");
    for needle in [
        "http:", "https:", "<script", "<link", "@import", "src=", "url(http", "//fonts",
    ] {
        assert!(!text.contains(needle), "the page holds {needle:?}");
    }
}
