//! `claimdiff stories`: sources in; on stdout, the stories they make ([`crate::story`]), as
//! text or as CSV with one row per source.

use rayon::prelude::*;

use super::{Out, Outcome};
use crate::cli::{StoriesArgs, StoriesFormat};
use crate::error::InputError;
use crate::read;
use crate::story::{self, Member};

/// What the listing keeps of a source.
struct Seen {
    name: String,
    published: Option<jiff::civil::Date>,
    outlet: Option<String>,
    terms: Vec<(String, u32)>,
}

pub fn run(args: StoriesArgs) -> Outcome {
    let mut errors: Vec<InputError> = Vec::new();
    let inputs = read::discover(&args.paths, &mut errors);
    let mut seen = Vec::new();
    // A chunk of inputs at a time: memory follows the chunk and the terms kept, not the corpus.
    for chunk in inputs.chunks(256) {
        let done: Vec<_> = chunk
            .par_iter()
            .map(|input| {
                let (sources, errs) = read::load(input);
                let kept: Vec<Seen> = sources
                    .into_iter()
                    .map(|src| {
                        let sentences = crate::split::article_sentences(&src, false);
                        let terms = story::terms(&src, &sentences);
                        Seen {
                            terms,
                            name: src.name,
                            published: src.published,
                            outlet: src.outlet,
                        }
                    })
                    .collect();
                (kept, errs)
            })
            .collect();
        for (kept, errs) in done {
            seen.extend(kept);
            errors.extend(errs);
        }
    }
    let members: Vec<Member> = seen
        .iter()
        .map(|s| Member {
            name: &s.name,
            published: s.published,
            terms: &s.terms,
        })
        .collect();
    let stories = story::cluster(&members, args.story_threshold);
    let mut out = Out::stdout();
    match args.format {
        StoriesFormat::Text => {
            let mut text = String::new();
            for st in &stories.stories {
                let n = st.members.len();
                text += &format!(
                    "{}  {n} source{}  {}\n",
                    st.id,
                    if n == 1 { "" } else { "s" },
                    st.top.join(", ")
                );
                for &m in &st.members {
                    let s = &seen[m];
                    let date = s.published.map(|d| d.to_string()).unwrap_or_default();
                    text += &format!("  {}  {date}\n", s.name);
                }
            }
            out.write(text.as_bytes());
        }
        StoriesFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record([
                "story",
                "source",
                "published",
                "outlet",
                "story_terms",
                "source_terms",
            ]);
            for st in &stories.stories {
                let top = st.top.join(";");
                for &m in &st.members {
                    let s = &seen[m];
                    let date = s.published.map(|d| d.to_string()).unwrap_or_default();
                    let own = s
                        .terms
                        .iter()
                        .map(|(t, n)| format!("{t}={n}"))
                        .collect::<Vec<_>>()
                        .join(";");
                    let cells = [
                        st.id.as_str(),
                        &s.name,
                        &date,
                        s.outlet.as_deref().unwrap_or(""),
                        &top,
                        &own,
                    ];
                    let _ = w.write_record(
                        cells
                            .map(crate::report::csv::neutralize)
                            .iter()
                            .map(|c| c.as_bytes()),
                    );
                }
            }
            out.write(&w.into_inner().unwrap_or_default());
        }
    }
    out.finish();
    let n = stories.stories.len();
    eprintln!(
        "claimdiff: {} sources, {n} {}",
        seen.len(),
        if n == 1 { "story" } else { "stories" }
    );
    super::finish(&errors)
}
