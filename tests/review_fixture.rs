//! A discrepancy report written by hand from the seeds (three conflicts a person found in them),
//! shared by the review tests so they do not depend on what `check` finds.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Ids chosen so that `7f3a` is a unique prefix and `5` is shared by two conflicts.
pub const COUP: &str = "7f3a9c21d4e8b605";
pub const TROOPS: &str = "5b21e0c9aa734f10";
pub const PRESIDENT: &str = "5e88d13f0b6c2a97";

pub const REPORT: &str = "\
id,status,severity,kind,slot,value_a,value_b,text_a,text_b,sources_a,sources_b,evidence_a,evidence_b,location_a,location_b,rule,note,relation
5e88d13f0b6c2a97,open,low,name,president/name,Mahmoud Bazoum,Mohamed Bazoum,Mahmoud Bazoum,Mohamed Bazoum,001_9551c4fa774fa2f7.txt,003_553c38acbd687d2c.txt;004_714decb69a1886d8.txt,\"The U.S. hopes to prevent the overthrow of Nigerien President Mahmoud Bazoum, despite the announcement by Gen. Abdourahmane Tchiani that he has seized power.\",\"Relations between Niger and the United States have deteriorated since last year when a military coup pushed out the democratically elected President Mohamed Bazoum and installed the current junta.\",001_9551c4fa774fa2f7.txt:11:1,004_714decb69a1886d8.txt:17:1,builtin:title-holder,,conflict
7f3a9c21d4e8b605,open,high,date,coup/date,2023-02,2023-07,February 2023,July 2023,002_8d2d09947abc71a3.txt,003_553c38acbd687d2c.txt,This decision comes after a military coup in February 2023 led to a deterioration of relations between Niger and Western powers.,\"Before the eviction of Niger’s pro-Western President, Mohamed Bazoum in July 2023, Niger was a front line ally to the West in battling the jihadist extremists.\",002_8d2d09947abc71a3.txt:5:137,003_553c38acbd687d2c.txt:16:1,builtin:event-date,,conflict
5b21e0c9aa734f10,open,medium,count,us-troops/count,~1100,1000,\"about 1,100\",\"1,000\",000_7dc69aba4544f3da.txt,003_553c38acbd687d2c.txt,\"The United States has about 1,100 troops in Niger, including a drone base, helping the country's military battle Islamist insurgents linked to the Islamic State and al-Qaeda.\",\"Tchiani quickly annulled Niger’s March 2023 agreement with the US to allow 1,000 US soldiers and civilian contractors to operate throughout the country after a military government spokesperson criticised the intentions of the US.\",000_7dc69aba4544f3da.txt:25:1,003_553c38acbd687d2c.txt:20:1,builtin:counted-noun;claims/niger.toml:troops,,conflict
";

/// A fresh folder holding `report.csv` (the report above); reviews go to `reviews.csv` there.
pub struct Workdir {
    pub dir: tempfile::TempDir,
}

impl Default for Workdir {
    fn default() -> Self {
        Self::new()
    }
}

impl Workdir {
    pub fn new() -> Workdir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("report.csv"), REPORT).unwrap();
        Workdir { dir }
    }
    pub fn report(&self) -> PathBuf {
        self.dir.path().join("report.csv")
    }
    pub fn reviews(&self) -> PathBuf {
        self.dir.path().join("reviews.csv")
    }
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// The reviews file as (id, status, note) triples, in file order, checking each `reviewed_at`
/// is RFC 3339 UTC to the second (`YYYY-MM-DDTHH:MM:SSZ`).
pub fn verdicts(path: &Path) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        rdr.headers().unwrap(),
        vec!["id", "status", "note", "reviewed_at"]
    );
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            let at = &r[3];
            assert_eq!(at.len(), 20, "reviewed_at `{at}`");
            assert!(at.ends_with('Z') && at.as_bytes()[10] == b'T', "{at}");
            at.parse::<jiff::Timestamp>().unwrap();
            (r[0].to_string(), r[1].to_string(), r[2].to_string())
        })
        .collect()
}

pub fn v(id: &str, status: &str, note: &str) -> (String, String, String) {
    (id.to_string(), status.to_string(), note.to_string())
}
