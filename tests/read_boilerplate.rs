//! Boilerplate removal on the seeds: what goes was decided by reading each seed by hand, and
//! no article sentence may go with it.

use std::path::PathBuf;

use assert_cmd::Command;
use claimdiff::read::{self, Input, Source};

fn seed(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name)
}

fn split(args: &[&str]) -> String {
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .arg("split")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap()
}

fn load(name: &str) -> Source {
    let (mut sources, errors) = read::load(&Input::File(seed(name)));
    assert!(errors.is_empty(), "{errors:?}");
    sources.remove(0)
}

/// The boilerplate spans of a seed, each cut to its first and last line so the expectations
/// stay readable.
fn removed(name: &str) -> Vec<(String, String)> {
    let src = load(name);
    src.boilerplate
        .iter()
        .map(|b| {
            let t = b.slice(&src.text);
            (
                t.lines().next().unwrap().to_string(),
                t.lines().last().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair(first: &str, last: &str) -> (String, String) {
    (first.to_string(), last.to_string())
}

const RECENT_POSTS: &[&str] = &[
    "At least 7 members of the Nigerian security forces are missing",
    "Cryptocurrency Gains Momentum",
    "UAE Delivers Lifeline",
    "Turkey wants to increase its trade with Africa",
    "Tanzania, Botswana, and Mozambique Secure Spots",
    "Lucas Moripe",
    "November 2",
    "Recent Posts",
    "Dexter",
    "Tags: ECOWAS",
    "This website uses cookies",
];

#[test]
fn no_recent_posts_headline_survives_in_002_but_its_last_sentence_does() {
    let out = split(&[seed("002_8d2d09947abc71a3.txt").to_str().unwrap()]);
    for gone in RECENT_POSTS {
        assert!(!out.contains(gone), "{gone:?} survived");
    }
    assert!(!out.contains("Keep Reading"));
    let last = out.lines().last().unwrap();
    assert_eq!(
        last,
        "Additionally, Russia\u{2019}s involvement in the region remains a wildcard, with \
         potential implications for regional dynamics and the broader fight against terrorism."
    );
    // The subheading right after "Keep Reading" is the article's own and stays.
    assert!(
        out.lines()
            .any(|l| l == "Blow to US Counterterrorism Strategy")
    );
}

#[test]
fn related_inserts_in_000_go_by_default_and_stay_with_keep_boilerplate() {
    let path = seed("000_7dc69aba4544f3da.txt");
    let out = split(&[path.to_str().unwrap()]);
    assert!(!out.contains("RELATED"), "{out}");
    // The sentences the inserts were glued to survive whole.
    assert!(
        out.lines()
            .any(|l| l == "Then there is which is vying for influence and control.")
    );
    assert!(
        out.lines()
            .any(|l| l.ends_with("We call for his immediate release,\u{201d} Blinken said."))
    );
    assert!(out.contains("terrorist attacks have claimed the lives of at least 500 people."));

    let kept = split(&["--keep-boilerplate", path.to_str().unwrap()]);
    assert_eq!(kept.matches("(RELATED: ").count(), 3);
    assert!(kept.contains("(RELATED: Military Coup Rocks Key US Ally In Volatile Region)"));
    assert!(kept.contains("Paul Crespo is the Managing Editor"));
}

#[test]
fn seed_000_loses_dash_inserts_disclaimer_and_trailing_bio() {
    assert_eq!(
        removed("000_7dc69aba4544f3da.txt"),
        vec![
            pair("-", "-"),
            pair(
                "(RELATED: Military Coup Rocks Key US Ally In Volatile Region)",
                "(RELATED: Military Coup Rocks Key US Ally In Volatile Region)"
            ),
            pair(
                "(RELATED: Sudan Headed For \u{2018}Full-Scale Civil War' \u{2013} Will It Spread?)",
                "(RELATED: Sudan Headed For \u{2018}Full-Scale Civil War' \u{2013} Will It Spread?)"
            ),
            pair(
                "(RELATED: Former National Security Advisor Calls Blinken's China Trip \u{2018}Weakness')",
                "(RELATED: Former National Security Advisor Calls Blinken's China Trip \u{2018}Weakness')"
            ),
            pair(
                "The opinions expressed in this article are those of the author and do not necessarily reflect the positions of\u{a0}American Liberty News.",
                "Latest News"
            ),
        ]
    );
}

#[test]
fn seed_001_loses_its_disclaimer_and_everything_after() {
    assert_eq!(
        removed("001_9551c4fa774fa2f7.txt"),
        vec![pair(
            "\" Conservative News Daily does not always share or support the views and opinions expressed here; they are just those of the writer.\"",
            "Please consider supporting us by disabling your ad blocker"
        )]
    );
}

#[test]
fn seed_002_loses_keep_reading_and_the_tags_and_recent_posts_tail() {
    assert_eq!(
        removed("002_8d2d09947abc71a3.txt"),
        vec![
            pair("Keep Reading", "Keep Reading"),
            pair("TAGS:", "This website uses cookies."),
        ]
    );
}

#[test]
fn seed_003_loses_share_widgets_read_line_and_comment_form() {
    assert_eq!(
        removed("003_553c38acbd687d2c.txt"),
        vec![
            pair("Share", "Share"),
            pair(
                "READ: Putin responds to Macron over Russian influence in Africa",
                "READ: Putin responds to Macron over Russian influence in Africa"
            ),
            pair("AFP", "[mc4wp_form id=\"206\"]"),
        ]
    );
}

#[test]
fn seed_004_loses_counter_photo_credit_ads_and_reply_form() {
    assert_eq!(
        removed("004_714decb69a1886d8.txt"),
        vec![
            pair("0", "0"),
            pair(
                "Photo by Issifou Djibo/EPA-EFE",
                "Photo by Issifou Djibo/EPA-EFE"
            ),
            pair("Advertisement", "Advertisement"),
            pair("Advertisement", "Advertisement"),
            pair("Source", "Your email address will not be published."),
        ]
    );
}

#[test]
fn every_paragraph_of_article_prose_is_kept() {
    // In every seed, each paragraph of 15+ words ending a sentence is article text, except
    // the disclaimers, the bio and the link-list excerpts that were read and judged
    // boilerplate by hand.
    let judged = [
        "The opinions expressed in this article",
        "Paul Crespo is the Managing Editor",
        "\" Conservative News Daily does not always share",
        "A team of 80 security agents",
        "UAE has also distributed",
        "'Masterpieces' Lucas Moripe",
        "The trade volume between",
        "The final round of the 2025",
        "Cryptocurrency becomes the new thing",
    ];
    for name in [
        "000_7dc69aba4544f3da.txt",
        "001_9551c4fa774fa2f7.txt",
        "002_8d2d09947abc71a3.txt",
        "003_553c38acbd687d2c.txt",
        "004_714decb69a1886d8.txt",
    ] {
        let src = load(name);
        let mut at = 0;
        for para in src.text.split("\n\n") {
            let start = at + (para.len() - para.trim_start().len());
            at += para.len() + 2;
            let p = para.trim();
            let words = p.split_whitespace().count();
            let ends_sentence = p
                .trim_end_matches(['"', '\u{201d}', ' ', '\u{a0}'])
                .ends_with(['.', '!', '?', ':']);
            if words < 15 || !ends_sentence || judged.iter().any(|j| p.contains(j)) {
                continue;
            }
            let end = start + p.len();
            for b in &src.boilerplate {
                // Only an insert or a credit may sit inside an article paragraph.
                if b.start < end && start < b.end {
                    let cut = b.slice(&src.text);
                    assert!(
                        cut.starts_with("(RELATED:")
                            || cut.starts_with("Photo by")
                            || cut == "Advertisement",
                        "{name}: article paragraph lost {cut:?}"
                    );
                }
            }
        }
    }
}
