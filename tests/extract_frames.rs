//! `claimdiff extract` gives each claim the frame read from its sentence's parse: what the
//! figure counts, the predicate, who holds it, where, which sub-group. Worked out by hand.

use assert_cmd::Command;
use serde_json::Value;

/// `claimdiff extract --format FORMAT` on `text`, built-in rules only: its stdout.
fn run_extract(text: &str, format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    std::fs::write(&path, text).unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .args(["extract", "--format", format, "--rules"])
        .arg(&rules)
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

fn claims(text: &str) -> Vec<Value> {
    run_extract(text, "jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn frame_of<'a>(claims: &'a [Value], text: &str) -> &'a Value {
    let c = claims
        .iter()
        .find(|c| c["text"] == text)
        .unwrap_or_else(|| panic!("no claim `{text}` in {claims:#?}"));
    &c["frame"]
}

#[test]
fn a_toll_in_a_region_carries_its_place() {
    let c = claims("Five people died in the state of Kerala on Monday.\n");
    let f = frame_of(&c, "Five");
    assert_eq!(f["measured"], "people");
    assert_eq!(f["predicate"], "die");
    assert_eq!(f["place"], "in the state of Kerala");
}

#[test]
fn the_subject_holds_the_vote_share() {
    let c = claims("The opposition candidate received 34 percent of the votes.\n");
    let f = frame_of(&c, "34 percent");
    assert_eq!(f["measured"], "vote");
    assert_eq!(f["predicate"], "receive");
    assert_eq!(f["holder"], "opposition candidate");
}

#[test]
fn a_nationality_marks_a_subgroup_and_csv_has_the_frame_columns() {
    let c = claims("Rescuers found 14 Kenyan passengers.\n");
    let f = frame_of(&c, "14");
    assert_eq!(f["measured"], "passenger");
    assert_eq!(f["subgroup"], "Kenyan");
    assert_eq!(f["holder"], "Rescuers");

    let csv = run_extract("Rescuers found 14 Kenyan passengers.\n", "csv");
    let header = csv.lines().next().unwrap_or_default();
    assert!(
        header.ends_with(
            "entity,measured,predicate,holder,place,subgroup,phase,negated,planned,year"
        ),
        "{header}"
    );
}

#[test]
fn a_timelines_clock_time_is_the_figures_moment() {
    let c = claims("10:55: Eight officers arrive in the hallway.\n");
    assert_eq!(frame_of(&c, "Eight")["moment"], "XXXX-XX-XXT10:55");
    let c = claims("The two officers arrive on the 32nd floor at 10:17 p.m.\n");
    assert_eq!(frame_of(&c, "two")["moment"], "XXXX-XX-XXT22:17");
    // No clock time, no moment.
    let c = claims("Rescuers found 14 Kenyan passengers.\n");
    assert!(frame_of(&c, "14").get("moment").is_none());
}

#[test]
fn people_who_lost_something_are_not_missing() {
    // "lost power": "lost" with an object says what 2 million people lost; "40 miners were
    // lost" says the miners are missing.
    let got = claims(
        "About 2 million people lost power in the storm.\n\n\
         Another 40 miners were lost in the flood.\n",
    );
    let slot = |text: &str| {
        got.iter()
            .find(|c| c["text"] == text)
            .map(|c| c["slot"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(slot("About 2 million").as_deref(), Some("people/count"));
    assert_eq!(slot("40").as_deref(), Some("miners/missing"));
}

#[test]
fn victims_at_a_funeral_that_was_held_are_not_detained() {
    // What was held is the funeral; in "police held 12 protesters" the protesters are.
    let got = claims(
        "The state funeral for the 18 victims was held on Saturday.\n\n\
         Police held 12 protesters overnight.\n",
    );
    let slot = |text: &str| {
        got.iter()
            .find(|c| c["text"] == text)
            .map(|c| c["slot"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(slot("18").as_deref(), Some("victims/count"));
    assert_eq!(slot("12").as_deref(), Some("protesters/arrested"));
}

#[test]
fn a_verb_without_a_subject_of_its_own_takes_its_conjuncts_or_its_nouns() {
    // "was built" shares "The tower"'s subject with "was made"; "built in 1420" after "the
    // old hall," is said of the hall; "a bridge opened in 1967" of the bridge.
    let c = claims(
        "The tower was made of oak and was built in 1860 by local masons.\n\n\
         Scaffolding stood on the roof of the old hall, built in 1420, officials said.\n\n\
         Traffic stopped on a bridge opened in 1967 by the city.\n",
    );
    assert_eq!(frame_of(&c, "1860")["holder"], "tower");
    assert_eq!(frame_of(&c, "1420")["holder"], "old hall");
    assert_eq!(frame_of(&c, "1967")["holder"], "bridge");
}

#[test]
fn a_part_of_a_set_counts_what_the_set_counts_and_a_for_phrase_names_its_noun() {
    // "nineteen of the victims": a count of victims, of a set already introduced; the phrase
    // "for nineteen of the victims" comes right after "a state funeral in Genoa", so the
    // figure is the funeral's, not the applauded ministers'.
    let c = claims(
        "Ministers were applauded at a state funeral in Genoa for nineteen of the victims.\n\
         Thousands of mourners attended a state funeral for the 18 victims.\n",
    );
    let f = frame_of(&c, "nineteen");
    assert_eq!(f["measured"], "victim");
    assert_eq!(f["predicate"], "funeral");
    assert_eq!(f["definite"], true);
    assert!(f.get("holder").is_none(), "{f}");
    let f = frame_of(&c, "18");
    assert_eq!(f["measured"], "victim");
    assert_eq!(f["predicate"], "funeral");
    assert!(f.get("holder").is_none(), "{f}");
    let slots: Vec<&str> = c.iter().filter_map(|c| c["slot"].as_str()).collect();
    assert_eq!(slots, ["victims/count", "victims/count"]);
}
