//! Benchmark corpus generator (not a test): N MB of multi-story JSONL news with planted
//! conflicts, the same bytes for the same arguments.
//!
//!     cargo run --release --example gen_corpus -- --mb 100 --seed 1 --stories 20 \
//!         --gold gold.csv > corpus.jsonl
//!
//! Each story is an invented event (a fire, a flood, a ferry sinking, ...) in an invented
//! town, with its own officials, date, toll, injured, evacuated, damage, duration and extent.
//! Its sources are articles from invented outlets, built from sentence templates and word
//! lists so that the splitter, the parser and the extractor do the work real news makes them
//! do: sentences with figures, quotes, background without figures, datelines in the JSONL
//! `published` field. Sources are written story after story in turn until the corpus reaches
//! N MB (10^6 bytes).
//!
//! Planted conflicts: in every story, about one source in four states a different death toll,
//! a different date for the event and a different damage figure, each an exact figure far
//! enough from the others' to be a conflict. `--gold FILE` writes them as CSV
//! (`story,kind,value_a,value_b`, values in the normalized form of the report's `value_a` and
//! `value_b`): a report that finds them has a row of that kind with those two values.
//! Every other fact is stated alike by every source of its story.

use std::fmt::Write as _;
use std::io::Write as _;

/// SplitMix64: small, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// What kind of event a story is about, and the words its sentences need.
struct EventKind {
    /// "fire": the noun the articles name the event by.
    noun: &'static str,
    /// "broke out": what the event did when it began.
    began: &'static str,
    /// "swept through": what it did to the town.
    hit: &'static str,
    /// "acres" / "square kilometres" burned or flooded, and the verb.
    extent: (&'static str, &'static str, u64, u64),
    /// What rescuers did, for the duration ("searched the debris").
    work: &'static str,
    cause: &'static [&'static str],
}

const EVENTS: &[EventKind] = &[
    EventKind {
        noun: "wildfire",
        began: "broke out",
        hit: "tore through",
        extent: ("burned", "acres", 1_200, 90_000),
        work: "fought the flames",
        cause: &[
            "a downed power line",
            "a campfire left unattended",
            "a lightning strike",
        ],
    },
    EventKind {
        noun: "flood",
        began: "began",
        hit: "swamped",
        extent: ("covered", "square kilometres", 12, 900),
        work: "pumped water from homes",
        cause: &[
            "days of torrential rain",
            "a failed levee",
            "a river swollen by snowmelt",
        ],
    },
    EventKind {
        noun: "ferry sinking",
        began: "happened",
        hit: "shocked",
        extent: ("drifted", "kilometres", 3, 60),
        work: "searched the water",
        cause: &[
            "an overloaded deck",
            "a sudden squall",
            "a hole in the hull",
        ],
    },
    EventKind {
        noun: "bridge collapse",
        began: "happened",
        hit: "cut off",
        extent: ("scattered debris over", "metres", 80, 900),
        work: "searched the rubble",
        cause: &[
            "corroded steel cables",
            "years of deferred maintenance",
            "a design flaw",
        ],
    },
    EventKind {
        noun: "earthquake",
        began: "struck",
        hit: "shook",
        extent: ("was felt across", "kilometres", 40, 600),
        work: "dug through collapsed buildings",
        cause: &["a slip on an old fault", "pressure along the coastal fault"],
    },
    EventKind {
        noun: "factory explosion",
        began: "happened",
        hit: "rocked",
        extent: ("shattered windows across", "metres", 300, 4_000),
        work: "cleared the wreckage",
        cause: &[
            "a gas leak",
            "a faulty boiler",
            "chemicals stored too close together",
        ],
    },
    EventKind {
        noun: "train derailment",
        began: "happened",
        hit: "blocked",
        extent: ("spilled fuel along", "metres", 150, 2_500),
        work: "lifted the wrecked carriages",
        cause: &[
            "a broken rail",
            "excessive speed on a curve",
            "a signal failure",
        ],
    },
    EventKind {
        noun: "mine collapse",
        began: "happened",
        hit: "trapped workers at",
        extent: ("sealed a tunnel of", "metres", 200, 1_800),
        work: "drilled toward the trapped miners",
        cause: &[
            "a weakened support pillar",
            "a blast in the wrong seam",
            "heavy rain soaking the hillside",
        ],
    },
];

const FIRST: &[&str] = &[
    "Amara", "Bennett", "Celia", "Dorian", "Elena", "Farid", "Greta", "Hector", "Imani", "Jonas",
    "Kalani", "Lucia", "Marcus", "Nadia", "Oren", "Priya", "Quentin", "Rosa", "Soren", "Tamsin",
    "Ulrich", "Vera", "Wendell", "Yusuf", "Zora",
];
const SYL_A: &[&str] = &[
    "Ash", "Bel", "Cor", "Dun", "El", "Fen", "Gar", "Hol", "Ird", "Kel", "Lor", "Mar", "Nor",
    "Ost", "Pell", "Quar", "Rav", "Sel", "Tor", "Vand", "Wex", "Yar",
];
const SYL_B: &[&str] = &[
    "bury", "ford", "wick", "mont", "dale", "ton", "more", "stead", "holm", "brook", "field",
    "haven", "ridge", "mere", "well", "gate",
];
const TITLES: &[&str] = &[
    "Mayor",
    "Governor",
    "fire chief",
    "police chief",
    "emergency director",
    "regional administrator",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const OUTLET_A: &[&str] = &[
    "Harbor", "Valley", "Northern", "Capital", "Coastal", "Evening", "Daily", "Metro", "Prairie",
    "Island",
];
const OUTLET_B: &[&str] = &[
    "Ledger",
    "Courier",
    "Sentinel",
    "Tribune",
    "Gazette",
    "Herald",
    "Dispatch",
    "Observer",
    "Record",
    "Chronicle",
];

fn name(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(SYL_A), rng.pick(SYL_B))
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), name(rng))
}

/// Days from 1970-01-01 to a civil date and back (Howard Hinnant's algorithms).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[derive(Clone, Copy)]
struct Day(i64);

impl Day {
    fn ymd(self) -> (i64, i64, i64) {
        civil_from_days(self.0)
    }
    fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }
    fn long(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{} {d}, {y}", MONTHS[m as usize - 1])
    }
    fn weekday(self) -> &'static str {
        // 1970-01-01 was a Thursday.
        WEEKDAYS[(self.0 + 3).rem_euclid(7) as usize]
    }
}

/// Money as a newspaper writes it, and as the report normalizes it.
fn money(millions_tenths: u64) -> (String, String) {
    let whole = millions_tenths / 10;
    let tenth = millions_tenths % 10;
    let text = if tenth == 0 {
        format!("${whole} million")
    } else {
        format!("${whole}.{tenth} million")
    };
    (text, format!("USD {}", millions_tenths * 100_000))
}

/// An exact figure (not round: an unqualified round figure is read as about that much) at
/// least a third away from `x`.
fn other_count(rng: &mut Rng, x: u64) -> u64 {
    loop {
        let y = if rng.chance(50) {
            x + x / 2 + rng.range(3, 9)
        } else {
            (x / 2).max(3) + rng.range(1, 3)
        };
        if !y.is_multiple_of(5) && y.abs_diff(x) * 3 >= x {
            return y;
        }
    }
}

/// A figure as news writes it: "6,383".
fn thousands(x: u64) -> String {
    let digits = x.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn exact(rng: &mut Rng, lo: u64, hi: u64) -> u64 {
    loop {
        let x = rng.range(lo, hi);
        if !x.is_multiple_of(5) {
            return x;
        }
    }
}

struct Story {
    id: usize,
    kind: &'static EventKind,
    town: String,
    region: String,
    official: (String, String),
    chief: (String, String),
    witness: String,
    helper: String,
    day: Day,
    day_alt: Day,
    toll: u64,
    toll_alt: u64,
    injured: u64,
    evacuated: u64,
    damage: (String, String),
    damage_alt: (String, String),
    days: u64,
    extent: u64,
    cause: &'static str,
}

impl Story {
    fn new(id: usize, rng: &mut Rng) -> Story {
        let kind = &EVENTS[rng.below(EVENTS.len())];
        let day = Day(days_from_civil(2025, 1, 1) + rng.range(0, 600) as i64);
        // Same month, another day: the date the minority gives.
        let (y, m, d) = day.ymd();
        let alt_d = if d > 14 {
            d - rng.range(4, 12) as i64
        } else {
            d + rng.range(4, 12) as i64
        };
        let day_alt = Day(days_from_civil(y, m, alt_d));
        let toll = exact(rng, 7, 240);
        let damage = exact(rng, 40, 4_000);
        let mut damage_alt = other_count(rng, damage);
        if damage_alt.is_multiple_of(10) {
            damage_alt += 3;
        }
        let (lo, hi) = (kind.extent.2, kind.extent.3);
        let t1 = rng.pick(TITLES).to_string();
        let mut t2 = rng.pick(TITLES).to_string();
        if t2 == t1 {
            t2 = "deputy ".to_string() + &t1;
        }
        Story {
            id,
            kind,
            town: name(rng),
            region: format!(
                "{} {}",
                name(rng),
                rng.pick(&["County", "Province", "District"])
            ),
            official: (t1, person(rng)),
            chief: (t2, person(rng)),
            witness: person(rng),
            helper: person(rng),
            day,
            day_alt,
            toll,
            toll_alt: other_count(rng, toll),
            injured: exact(rng, 11, 900),
            evacuated: exact(rng, 1_100, 60_000),
            damage: money(damage),
            damage_alt: money(damage_alt),
            days: exact(rng, 2, 19),
            extent: exact(rng, lo, hi),
            cause: rng.pick(kind.cause),
        }
    }

    /// One article: (title, text). `dissent`: this source gives the planted other values.
    fn article(&self, rng: &mut Rng, published: Day, dissent: bool) -> String {
        let k = self.kind;
        let ev = k.noun;
        let town = &self.town;
        let region = &self.region;
        let (t1, p1) = &self.official;
        let (t2, p2) = &self.chief;
        let surname1 = p1.rsplit(' ').next().unwrap_or(p1);
        let toll = if dissent { self.toll_alt } else { self.toll };
        let day = if dissent { self.day_alt } else { self.day };
        let damage = if dissent {
            &self.damage_alt.0
        } else {
            &self.damage.0
        };
        let since = published.0 - day.0;
        let when = format!("on {}", day.long());
        let mut paras: Vec<String> = Vec::new();
        let cap = |s: &str| {
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        };
        let lead = match rng.below(3) {
            0 => format!(
                "A {ev} that {} {town} in {region} {when} killed {toll} people and injured {} others, officials said.",
                k.hit, self.injured
            ),
            1 => format!(
                "{toll} people were killed and {} were injured when a {ev} {} {town} {when}, according to {t1} {p1}.",
                self.injured, k.hit
            ),
            _ => format!(
                "The death toll from the {ev} in {town} stood at {toll} on {}, {} days after it {} {when}.",
                published.weekday(),
                since.max(1),
                k.began
            ),
        };
        paras.push(cap(&lead));
        let mut facts: Vec<String> = vec![
            format!(
                "Authorities evacuated {} residents from {town} and the surrounding villages.",
                thousands(self.evacuated)
            ),
            format!(
                "{} people were treated in hospitals across {region}, {t2} {p2} told reporters.",
                self.injured
            ),
            format!(
                "Rescue crews {} for {} days before the search was called off.",
                k.work, self.days
            ),
            format!(
                "The {ev} {} {} {}, the regional emergency agency said.",
                k.extent.0,
                thousands(self.extent),
                k.extent.1
            ),
            format!("Officials estimated the damage at {damage}."),
            format!(
                "{} {surname1} said the state would set aside {damage} to rebuild homes and roads.",
                cap(t1)
            ),
            format!(
                "Investigators believe the {ev} was caused by {}, but said it was too early to be certain.",
                self.cause
            ),
            format!("The {ev} {} {when}.", k.began),
            format!(
                "By {}, the number of confirmed deaths had reached {toll}, and {} people remained in shelters.",
                published.weekday(),
                thousands(self.evacuated / 3 + 1)
            ),
        ];
        // Each source tells the story in its own order and leaves some facts out.
        for i in (1..facts.len()).rev() {
            facts.swap(i, rng.below(i + 1));
        }
        let keep = facts.len() - rng.below(3);
        facts.truncate(keep);
        let colour: Vec<String> = vec![
            format!(
                "\u{201c}We lost everything in a few minutes,\u{201d} said {}, who has lived in {town} for most of her life.",
                self.witness
            ),
            format!(
                "Neighbouring towns opened schools and churches as shelters, and volunteers handed out blankets and water."
            ),
            format!(
                "{} {p1} promised a full inquiry and said those responsible would be held to account.",
                cap(t1)
            ),
            format!(
                "Residents complained that warnings came too late and that roads out of {town} were jammed with traffic."
            ),
            format!(
                "The national government sent soldiers and engineers to help local crews, a spokesman said."
            ),
            format!(
                "Aid groups warned that clean water and medicine were running short in parts of {region}."
            ),
            format!(
                "\u{201c}The scale of this is unlike anything we have seen here,\u{201d} {p2} said at a briefing in {town}."
            ),
            format!(
                "Many of the victims were elderly residents who could not leave their homes in time."
            ),
            format!(
                "Insurance companies said they expected a flood of claims in the coming weeks."
            ),
            format!(
                "{town} is a market town known for its river port and its old stone bridge, and many of its families have farmed the surrounding hills for generations."
            ),
            format!(
                "Opposition politicians in {region} accused the authorities of ignoring repeated warnings from engineers and residents about the risks."
            ),
            format!(
                "Outside the town hall, relatives waited for news of the missing while volunteers read out the names of those found alive."
            ),
            format!(
                "Local businesses said it could take months before shops and workshops reopened, and some owners doubted they would return at all."
            ),
            format!(
                "Television footage showed damaged houses, overturned cars and streets covered in mud and debris."
            ),
            format!(
                "\u{201c}People here look after each other, and that is what will get us through,\u{201d} said {}, a teacher who spent the night helping neighbours.",
                self.helper
            ),
            format!(
                "Experts said the disaster showed how poorly prepared many small towns remain, despite years of promises from successive governments."
            ),
            format!(
                "Engineers were still inspecting roads, power lines and water pipes, and officials urged residents not to return until their streets had been declared safe."
            ),
            format!(
                "The disaster was the worst to hit {region} in living memory, older residents said, and it revived a long debate about how towns like {town} should be protected."
            ),
            format!(
                "Schools in the area were closed until further notice, and the regional hospital cancelled routine operations to make room for the injured."
            ),
            format!(
                "Messages of sympathy arrived from across the country, and several football clubs said they would hold a minute of silence before their next matches."
            ),
            format!(
                "Church bells rang across {region} in the evening as communities held vigils for the victims and their families."
            ),
        ];
        let mut colour = colour;
        for i in (1..colour.len()).rev() {
            colour.swap(i, rng.below(i + 1));
        }
        let mut ci = colour.into_iter();
        for f in facts {
            let mut p = f;
            if rng.chance(70)
                && let Some(c) = ci.next()
            {
                p.push(' ');
                p.push_str(&c);
            }
            paras.push(p);
        }
        paras.extend(ci.take(4 + rng.below(5)));
        let title = format!(
            "{} {}: {toll} dead as {} reels",
            cap(ev),
            match rng.below(3) {
                0 => "in ".to_string() + town,
                1 => "hits ".to_string() + town,
                _ => "near ".to_string() + town,
            },
            region
        );
        let mut text = title;
        text.push_str("\n\n");
        text.push_str(&paras.join("\n\n"));
        text.push('\n');
        text
    }
}

fn json_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn main() {
    let mut mb = 10.0f64;
    let mut seed = 1u64;
    let mut stories = 20usize;
    let mut gold: Option<String> = None;
    let mut args = std::env::args().skip(1);
    let usage = "usage: gen_corpus --mb N [--seed S] [--stories K] [--gold FILE] > corpus.jsonl";
    while let Some(a) = args.next() {
        let mut value = || {
            args.next().unwrap_or_else(|| {
                eprintln!("{usage}");
                std::process::exit(2);
            })
        };
        let bad = |what: &str| -> ! {
            eprintln!("gen_corpus: {what}\n{usage}");
            std::process::exit(2);
        };
        match a.as_str() {
            "--mb" => {
                mb = value()
                    .parse()
                    .unwrap_or_else(|_| bad("--mb takes a number"))
            }
            "--seed" => {
                seed = value()
                    .parse()
                    .unwrap_or_else(|_| bad("--seed takes a number"))
            }
            "--stories" => {
                stories = value()
                    .parse()
                    .ok()
                    .filter(|&k| k > 0)
                    .unwrap_or_else(|| bad("--stories takes a number above 0"))
            }
            "--gold" => gold = Some(value()),
            _ => bad(&format!("unknown argument `{a}`")),
        }
    }
    let mut rng = Rng(seed);
    let all: Vec<Story> = (0..stories).map(|i| Story::new(i, &mut rng)).collect();
    if let Some(path) = &gold {
        let mut g = String::from("story,kind,value_a,value_b\n");
        for s in &all {
            let _ = writeln!(g, "{},count,{},{}", s.id, s.toll, s.toll_alt);
            let _ = writeln!(g, "{},date,{},{}", s.id, s.day.iso(), s.day_alt.iso());
            let _ = writeln!(g, "{},money,{},{}", s.id, s.damage.1, s.damage_alt.1);
        }
        if let Err(e) = std::fs::write(path, g) {
            eprintln!("gen_corpus: {path}: {e}");
            std::process::exit(2);
        }
    }
    let target = (mb * 1e6) as usize;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut written = 0usize;
    let mut line = String::new();
    let mut n = 0usize;
    while written < target {
        let s = &all[n % all.len()];
        let k = n / all.len();
        // Every fourth source of a story dissents, the second one first, so even a small
        // corpus holds each planted conflict.
        let dissent = k % 4 == 1;
        let published = Day(s.day.0.max(s.day_alt.0) + rng.range(0, 4) as i64);
        let outlet = format!("{} {}", rng.pick(OUTLET_A), rng.pick(OUTLET_B));
        let text = s.article(&mut rng, published, dissent);
        line.clear();
        line.push_str("{\"source\":");
        json_str(
            &format!(
                "s{:03}-{k:06}-{}.txt",
                s.id,
                outlet.to_lowercase().replace(' ', "-")
            ),
            &mut line,
        );
        line.push_str(",\"published\":");
        json_str(&published.iso(), &mut line);
        line.push_str(",\"outlet\":");
        json_str(&outlet, &mut line);
        line.push_str(",\"text\":");
        json_str(&text, &mut line);
        line.push_str("}\n");
        if out.write_all(line.as_bytes()).is_err() {
            // A closed pipe (`| head`): nothing more to write for.
            return;
        }
        written += line.len();
        n += 1;
    }
    let _ = out.flush();
}
