//! Reading each input format: HTML pages, JSONL, stdin, folders, and where publication dates
//! come from (manifest over published field over dateline). Expectations worked out by hand.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use claimdiff::read::{self, DateOrigin, Format, Input, Source};
use jiff::civil::Date;

const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Flood in Valdoria | Example Times</title>
<meta property="article:published_time" content="2024-05-03T09:15:00+00:00">
<style>.x { color: red }</style>
<script>window.trackingId = "Tracking script text";</script>
</head><body>
<header><a href="/">Example Times</a><nav><ul><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport pages</a></li></ul></nav></header>
<div class="layout">
<article>
<h1>River floods three villages</h1>
<p class="byline">By Ana Ruiz</p>
<p>The river burst its banks on Thursday.
   About 1,200 people left their homes.</p>
<div class="share-buttons"><a>Share on Facebook</a> <a>Tweet this story</a></div>
<p>Officials said the water would recede by Sunday.</p>
<figure><img src="x.jpg"><figcaption>Rescuers in boats. Photo by Lia Moss/Example</figcaption></figure>
<p>Repairs will cost <b>$3 million</b>, the mayor said.</p>
<aside><h2>Most read</h2><ul><li>Celebrity chef opens cafe</li></ul></aside>
<form><label>Your email</label><input type=email><button>Subscribe now</button></form>
</article>
</div>
<footer><p>Copyright 2024 Example Times. All rights reserved.</p></footer>
<script>console.log("Inline script at the end");</script>
</body></html>
"#;

/// A WordPress-style page: cookie notice, masthead, share and related-post widgets inside the
/// article, a comment form after it, sidebar widgets and a site footer.
const WORDPRESS: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Niger junta - Sahel Times</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x","datePublished":"2024-04-20T10:00:00+00:00"}</script>
</head>
<body class="post-template-default single has-sidebar">
<div id="cookie-notice">We use cookies to improve your experience. <a>Accept</a></div>
<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-title">Sahel Times</div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu"><li>Home</li><li>Politics</li></ul></nav></header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-1" class="post-1 post type-post">
<header class="entry-header"><h1 class="entry-title">Niger junta orders US troops out</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="2024-04-20T10:00:00+00:00">April 20, 2024</time></span> <span class="byline">by Amina Diallo</span></div></header>
<div class="entry-content">
<p>Niger's military government on Saturday ordered about 1,000 US troops to leave the country.</p>
<p>The decision ends a security pact signed in 2012.<span class="ad-slot">Advertisement</span></p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li>Twitter</li><li>Facebook</li></ul></div>
<div class="jp-relatedposts"><h3>Related</h3><p>Another story headline</p></div>
<p>Washington said it would comply within months.</p>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in Africa</span><span class="tags-links">Tagged Niger, US</span></footer>
</article>
<div id="comments" class="comments-area"><h2>3 thoughts on this</h2><p>Great article, thanks for sharing this with all of us here today, really good stuff.</p>
<div id="respond"><h3>Leave a Reply</h3><form><p>Your email address will not be published.</p></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2>Recent Posts</h2><ul><li>Older post</li></ul></section></aside>
</div>
<footer id="colophon" class="site-footer">Proudly powered by WordPress</footer>
</div></body></html>
"#;

fn claimdiff() -> Command {
    Command::cargo_bin("claimdiff").unwrap()
}

fn load_one(path: &Path) -> Vec<Source> {
    let (sources, errors) = read::load(&Input::File(path.to_path_buf()));
    assert!(errors.is_empty(), "{errors:?}");
    sources
}

#[test]
fn html_gives_article_sentences_only() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("flood.html"), PAGE).unwrap();
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["split", "flood.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    // The article's paragraphs; the headline is the page's title (metadata), and the byline
    // and the photo caption are not article text.
    assert_eq!(
        text,
        "The river burst its banks on Thursday.\n\
         About 1,200 people left their homes.\n\
         Officials said the water would recede by Sunday.\n\
         Repairs will cost $3 million, the mayor said.\n"
    );
    for gone in [
        "World news",
        "Sport pages",
        "Example Times",
        "Tracking script",
        "color",
        "Share on Facebook",
        "Tweet this story",
        "Photo by",
        "Most read",
        "Celebrity chef",
        "Your email",
        "Subscribe now",
        "Copyright",
        "Inline script",
    ] {
        assert!(!text.contains(gone), "{gone:?} leaked into {text}");
    }
}

#[test]
fn wordpress_page_gives_the_post_only() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("post.html"), WORDPRESS).unwrap();
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["split", "post.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Niger's military government on Saturday ordered about 1,000 US troops to leave the country.\n\
         The decision ends a security pact signed in 2012.\n\
         Washington said it would comply within months.\n"
    );
    let src = &load_one(&dir.path().join("post.html"))[0];
    // JSON-LD datePublished.
    assert_eq!(src.published, Some(Date::constant(2024, 4, 20)));
}

#[test]
fn html_spans_point_into_the_extracted_text_and_date_comes_from_meta() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flood.html");
    fs::write(&path, PAGE).unwrap();
    let src = &load_one(&path)[0];
    assert_eq!(src.format, Format::Html);
    assert_eq!(src.published, Some(Date::constant(2024, 5, 3)));
    assert_eq!(src.date_origin, DateOrigin::Meta);
    assert_eq!(
        src.title.as_deref(),
        Some("Flood in Valdoria | Example Times")
    );
    // Paragraphs are separated by blank lines so sentence splitting sees them.
    assert!(src.text.starts_with(
        "The river burst its banks on Thursday. About 1,200 people left their homes.\n\nOfficials"
    ));

    let out = claimdiff()
        .current_dir(dir.path())
        .args(["split", "--format", "jsonl", "flood.html"])
        .output()
        .unwrap();
    let mut seen = 0;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (start, end) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
        assert_eq!(
            &src.text[start as usize..end as usize],
            v["text"].as_str().unwrap()
        );
        seen += 1;
    }
    assert_eq!(seen, 4);
}

#[test]
fn jsonl_published_field_and_dateline_fallback() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wire.jsonl");
    let data = concat!(
        r#"{"source": "one", "text": "Rain fell.", "published": "2024-03-09", "outlet": "Wire A"}"#,
        "\n",
        r#"{"source": "two", "text": "Published March 8, 2024\n\nRain fell again."}"#,
        "\n",
        r#"{"source": "three", "text": "No date here."}"#,
        "\n"
    );
    fs::write(&path, data).unwrap();
    let srcs = load_one(&path);
    let got: Vec<(&str, Option<Date>, DateOrigin, Option<&str>)> = srcs
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.published,
                s.date_origin,
                s.outlet.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "one",
                Some(Date::constant(2024, 3, 9)),
                DateOrigin::Published,
                Some("Wire A")
            ),
            (
                "two",
                Some(Date::constant(2024, 3, 8)),
                DateOrigin::Dateline,
                None
            ),
            ("three", None, DateOrigin::Unknown, None),
        ]
    );
}

#[test]
fn manifest_overrides_dateline_and_published_field() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(
        corpus.join("a.txt"),
        "Saturday, April 27, 2024\n\nTitle\n\nThe body says something.\n",
    )
    .unwrap();
    fs::write(
        corpus.join("b.jsonl"),
        "{\"source\": \"b\", \"text\": \"Body.\", \"published\": \"2024-01-01\"}\n",
    )
    .unwrap();
    fs::write(
        corpus.join("sources.csv"),
        "source,outlet,published,url\n\
         a.txt,Example Daily,2024-05-01,https://example.com/a\n\
         b,Example Weekly,2024-06-02,\n",
    )
    .unwrap();
    let a = &load_one(&corpus.join("a.txt"))[0];
    assert_eq!(a.published, Some(Date::constant(2024, 5, 1)));
    assert_eq!(a.date_origin, DateOrigin::Manifest);
    assert_eq!(a.outlet.as_deref(), Some("Example Daily"));
    let b = &load_one(&corpus.join("b.jsonl"))[0];
    assert_eq!(b.published, Some(Date::constant(2024, 6, 2)));
    assert_eq!(b.date_origin, DateOrigin::Manifest);

    // The same text in a folder without a manifest takes its dateline.
    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::copy(corpus.join("a.txt"), other.join("a.txt")).unwrap();
    let a2 = &load_one(&other.join("a.txt"))[0];
    assert_eq!(a2.published, Some(Date::constant(2024, 4, 27)));
    assert_eq!(a2.date_origin, DateOrigin::Dateline);
}

#[test]
fn stdin_jsonl_and_html_are_detected_and_plain_text_is_not() {
    let out = claimdiff()
        .args(["split", "--format", "jsonl", "-"])
        .write_stdin("{\"source\": \"wire-1\", \"text\": \"Rain fell. Roads closed.\"}\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let names: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].to_string())
        .collect();
    assert_eq!(names, vec!["\"wire-1\"", "\"wire-1\""]);

    let out = claimdiff()
        .args(["split", "-"])
        .write_stdin("<!DOCTYPE html><script>var hidden = 1;</script><p>Rain fell.</p>")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Rain fell.\n");

    let out = claimdiff()
        .args(["split", "-"])
        .write_stdin("{Editor's note} Rain fell.\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{Editor's note} Rain fell.\n"
    );
}

#[test]
fn folders_are_walked_in_name_order_skipping_hidden_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    fs::create_dir_all(c.join("sub")).unwrap();
    fs::write(c.join("b.txt"), "Second file.\n").unwrap();
    fs::write(c.join("a.md"), "First file.\n").unwrap();
    fs::write(c.join("sub/c.htm"), "<p>Third file.</p>").unwrap();
    fs::write(c.join(".draft.txt"), "Hidden file.\n").unwrap();
    fs::write(c.join("notes.csv"), "Not read.\n").unwrap();
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["split", "c"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "First file.\nSecond file.\nThird file.\n"
    );
}
