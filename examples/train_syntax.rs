//! Trains the syntax model (tagger, lemmatizer, parser) on UD English-EWT and writes it.
//!
//!     cargo run --release --example train_syntax -- ../shared/ud-ewt [OUT] [--quick] [--tagger-only]
//!
//! Trains on en_ewt-ud-train.conllu and picks the number of passes of the tagger and of the
//! parser by their score on en_ewt-ud-dev.conllu. The parser learns from tags the tagger
//! predicted on train in 5 folds (each fold tagged by a tagger that never saw it), so it sees
//! tagging mistakes like the ones it meets at run time. Deterministic: fixed seeds, sorted
//! tables. OUT defaults to data/syntax/en_ewt.model.

use std::path::{Path, PathBuf};
use std::time::Instant;

use claimdiff::syntax::conllu::{self, Sentence};
use claimdiff::syntax::lemma::Lemmatizer;
use claimdiff::syntax::model::Model;
use claimdiff::syntax::parser::{self, Example, Item, Parser};
use claimdiff::syntax::tagger::{self, Tagger};
use rayon::prelude::*;

const TAGGER_EPOCHS: usize = 12;
const PARSER_EPOCHS: usize = 12;
const FOLDS: usize = 5;
const SEED: u64 = 20_261_207;
/// Weights smaller than this many units of their table's scale are dropped from the shipped
/// model: chosen on dev (400 keeps the unpruned scores within 0.05 at 19 MB; 500 loses 0.15 UAS).
const PRUNE_UNITS: u16 = 400;

fn read(dir: &Path, name: &str) -> Vec<Sentence> {
    let p = dir.join(name);
    let text =
        std::fs::read_to_string(&p).unwrap_or_else(|e| die(&format!("{}: {e}", p.display())));
    conllu::parse(&text).unwrap_or_else(|e| die(&format!("{}: {e}", p.display())))
}

fn die(msg: &str) -> ! {
    eprintln!("error: {msg}");
    std::process::exit(2)
}

fn joint(w: &conllu::GoldWord) -> String {
    format!("{}\t{}", w.upos, w.xpos)
}

fn tag_sentences(t: &Tagger, sents: &[Sentence]) -> Vec<Vec<u16>> {
    let mut feats = Vec::new();
    sents
        .iter()
        .map(|s| {
            let wf: Vec<_> = s.words.iter().map(|w| t.word_feats(&w.form)).collect();
            let mut out = Vec::new();
            t.tag(&wf, &mut out, &mut feats);
            out
        })
        .collect()
}

fn tag_accuracy(t: &Tagger, sents: &[Sentence]) -> (f64, f64) {
    let pred = tag_sentences(t, sents);
    let (mut u, mut j, mut n) = (0, 0, 0);
    for (s, p) in sents.iter().zip(&pred) {
        for (w, &tg) in s.words.iter().zip(p) {
            let name = &t.tags[tg as usize];
            let up = name.split('\t').next().unwrap();
            u += (up == w.upos) as usize;
            j += (*name == joint(w)) as usize;
            n += 1;
        }
    }
    (100.0 * u as f64 / n as f64, 100.0 * j as f64 / n as f64)
}

fn items(t: &Tagger, s: &Sentence, tags: &[u16]) -> Vec<Item> {
    let mut v = vec![Item::ROOT];
    for (w, &tg) in s.words.iter().zip(tags) {
        let up = t.tags[tg as usize].split('\t').next().unwrap();
        let item = Item::new(t.word_feats(&w.form).lower, tg, up, v.last());
        v.push(item);
    }
    v
}

fn base(r: &str) -> &str {
    r.split(':').next().unwrap_or(r)
}

/// UAS and LAS (relations without subtypes, punctuation included, as the CoNLL 2018 script).
fn attachment(p: &Parser, sents: &[Sentence], ex: &[Vec<Item>]) -> (f64, f64) {
    let mut sc = parser::Scratch::default();
    let (mut ua, mut la, mut n) = (0, 0, 0);
    for (s, it) in sents.iter().zip(ex) {
        let arcs = p.parse(it, &mut sc);
        for (w, (h, l)) in s.words.iter().zip(arcs) {
            if w.head == h {
                ua += 1;
                if base(&w.deprel) == base(&p.labels[l]) {
                    la += 1;
                }
            }
            n += 1;
        }
    }
    (100.0 * ua as f64 / n as f64, 100.0 * la as f64 / n as f64)
}

/// `--prune IN OUT TAGGER_UNITS PARSER_UNITS`: rewrites a trained model without its smallest
/// weights (in units of each table's scale), to bring it under size.
fn prune(args: &[String]) {
    let [inp, out, t, p] = args else {
        die("usage: --prune IN OUT TAGGER_UNITS PARSER_UNITS")
    };
    let bytes = std::fs::read(inp).unwrap_or_else(|e| die(&format!("{inp}: {e}")));
    let mut m = Model::from_bytes(&bytes).unwrap_or_else(|e| die(&format!("{inp}: {e}")));
    let (t, p): (u16, u16) = (t.parse().unwrap(), p.parse().unwrap());
    m.tagger.weights = m.tagger.weights.pruned(t);
    m.tagger.weights2 = m.tagger.weights2.pruned(t);
    m.parser.weights = m.parser.weights.pruned(p);
    m.about = format!(
        "{}; pruned below {t} (tagger) and {p} (parser) weight units",
        m.about
    );
    let b = m.to_bytes();
    std::fs::write(out, &b).unwrap_or_else(|e| die(&format!("{out}: {e}")));
    eprintln!(
        "wrote {out} ({:.1} MB, blake3 {})",
        b.len() as f64 / 1e6,
        blake3::hash(&b)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--prune") {
        return prune(&args[1..]);
    }
    let quick = args.iter().any(|a| a == "--quick");
    let tagger_only = args.iter().any(|a| a == "--tagger-only");
    let pos: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let dir = PathBuf::from(
        pos.first()
            .map(|s| s.as_str())
            .unwrap_or("../shared/ud-ewt"),
    );
    let out = PathBuf::from(
        pos.get(1)
            .map(|s| s.as_str())
            .unwrap_or("data/syntax/en_ewt.model"),
    );
    let (tagger_epochs, parser_epochs) = if quick {
        (3, 3)
    } else {
        (TAGGER_EPOCHS, PARSER_EPOCHS)
    };
    let t0 = Instant::now();
    let train = read(&dir, "en_ewt-ud-train.conllu");
    let dev = read(&dir, "en_ewt-ud-dev.conllu");
    eprintln!("read {} train and {} dev sentences", train.len(), dev.len());

    let mut tags: Vec<String> = train
        .iter()
        .flat_map(|s| s.words.iter().map(joint))
        .collect();
    tags.sort();
    tags.dedup();
    let tag_id = |w: &conllu::GoldWord| tags.binary_search(&joint(w)).unwrap() as u16;
    let tagged = |sents: &[Sentence]| -> Vec<Vec<(String, u16)>> {
        sents
            .iter()
            .map(|s| {
                s.words
                    .iter()
                    .map(|w| (w.form.clone(), tag_id(w)))
                    .collect()
            })
            .collect()
    };
    let train_t = tagged(&train);

    // Tagger: pick the pass count on dev.
    let mut best: Option<(f64, usize, Tagger)> = None;
    tagger::train(tags.clone(), &train_t, tagger_epochs, SEED, |epoch, t| {
        let (u, j) = tag_accuracy(&t, &dev);
        eprintln!(
            "tagger pass {epoch}: dev UPOS {u:.2} UPOS+XPOS {j:.2} ({} features) [{:.0}s]",
            t.weights.features(),
            t0.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|(b, _, _)| u > *b) {
            best = Some((u, epoch, t));
        }
    });
    let (tag_score, tag_epochs, tagger) = best.unwrap();
    eprintln!("tagger: {tag_epochs} passes, dev UPOS {tag_score:.2}");
    if tagger_only {
        return;
    }

    // Jackknifed tags for the parser's training data.
    let folds: Vec<Vec<Vec<u16>>> = (0..FOLDS)
        .into_par_iter()
        .map(|k| {
            let rest: Vec<Vec<(String, u16)>> = train_t
                .iter()
                .enumerate()
                .filter(|(i, _)| i % FOLDS != k)
                .map(|(_, s)| s.clone())
                .collect();
            let held: Vec<Sentence> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % FOLDS == k)
                .map(|(_, s)| s.clone())
                .collect();
            let mut last = None;
            tagger::train(
                tags.clone(),
                &rest,
                tag_epochs,
                SEED + k as u64 + 1,
                |e, t| {
                    if e == tag_epochs {
                        last = Some(t);
                    }
                },
            );
            tag_sentences(&last.unwrap(), &held)
        })
        .collect();
    let mut train_tags: Vec<Vec<u16>> = vec![Vec::new(); train.len()];
    for (k, fold) in folds.into_iter().enumerate() {
        for (j, t) in fold.into_iter().enumerate() {
            train_tags[j * FOLDS + k] = t;
        }
    }
    eprintln!("jackknifed train tags [{:.0}s]", t0.elapsed().as_secs_f64());

    let mut labels: Vec<String> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .collect();
    labels.sort();
    labels.dedup();
    let label_id = |l: &str| labels.binary_search(&l.to_string()).unwrap();
    let examples: Vec<Example> = train
        .iter()
        .zip(&train_tags)
        .map(|(s, tg)| Example {
            items: items(&tagger, s, tg),
            gold: s
                .words
                .iter()
                .map(|w| (w.head, label_id(&w.deprel)))
                .collect(),
        })
        .collect();
    let dev_tags = tag_sentences(&tagger, &dev);
    let dev_items: Vec<Vec<Item>> = dev
        .iter()
        .zip(&dev_tags)
        .map(|(s, t)| items(&tagger, s, t))
        .collect();
    let mut bestp: Option<(f64, f64, usize, Parser)> = None;
    parser::train(
        labels.clone(),
        &examples,
        parser_epochs,
        SEED,
        |epoch, p| {
            let (uas, las) = attachment(&p, &dev, &dev_items);
            eprintln!(
                "parser pass {epoch}: dev UAS {uas:.2} LAS {las:.2} ({} features, {} weights) [{:.0}s]",
                p.weights.features(),
                p.weights.entries(),
                t0.elapsed().as_secs_f64()
            );
            if bestp.as_ref().is_none_or(|(_, b, _, _)| las > *b) {
                bestp = Some((uas, las, epoch, p));
            }
        },
    );
    let (uas, las, parse_epochs, parser) = bestp.unwrap();

    let lemmatizer = Lemmatizer::train(
        train
            .iter()
            .flat_map(|s| s.words.iter())
            .map(|w| (w.form.as_str(), w.upos.as_str(), w.lemma.as_str())),
    );
    let mut lem_ok = 0;
    let mut n = 0;
    for (s, tg) in dev.iter().zip(&dev_tags) {
        for (w, &t) in s.words.iter().zip(tg) {
            let up = tagger.tags[t as usize].split('\t').next().unwrap();
            lem_ok += (lemmatizer.lemma(&w.form, up) == w.lemma) as usize;
            n += 1;
        }
    }
    let lem = 100.0 * lem_ok as f64 / n as f64;
    eprintln!("before pruning: dev UPOS {tag_score:.2} Lemmas {lem:.2} UAS {uas:.2} LAS {las:.2}");
    let tagger = Tagger {
        weights: tagger.weights.pruned(PRUNE_UNITS),
        weights2: tagger.weights2.pruned(PRUNE_UNITS),
        ..tagger
    };
    let parser = Parser {
        weights: parser.weights.pruned(PRUNE_UNITS),
        ..parser
    };
    let (upos, _) = tag_accuracy(&tagger, &dev);
    let dev_tags = tag_sentences(&tagger, &dev);
    let dev_items: Vec<Vec<Item>> = dev
        .iter()
        .zip(&dev_tags)
        .map(|(s, t)| items(&tagger, s, t))
        .collect();
    let (uas, las) = attachment(&parser, &dev, &dev_items);
    let about = format!(
        "UD English-EWT v2.15 (CC BY-SA 4.0); tagger {tag_epochs} passes, parser {parse_epochs} passes, \
         weights below {PRUNE_UNITS} units pruned; dev UPOS {upos:.2} UAS {uas:.2} LAS {las:.2}"
    );
    eprintln!("{about}");
    let model = Model {
        tagger,
        lemmatizer,
        parser,
        about,
    };
    let bytes = model.to_bytes();
    if let Some(d) = out.parent() {
        let _ = std::fs::create_dir_all(d);
    }
    std::fs::write(&out, &bytes).unwrap_or_else(|e| die(&format!("{}: {e}", out.display())));
    eprintln!(
        "wrote {} ({:.1} MB, blake3 {}) in {:.0}s",
        out.display(),
        bytes.len() as f64 / 1e6,
        blake3::hash(&bytes),
        t0.elapsed().as_secs_f64()
    );
}
