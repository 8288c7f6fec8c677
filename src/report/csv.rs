//! CSV writers: conflict rows and agreement rows in, `discrepancies.csv` and `agreements.csv`
//! out (or stdout for `-`).
//!
//! A file is written whole or not at all: rows go to a temporary file in the destination's
//! folder, which is flushed, synced and renamed over the destination; on any error the
//! temporary file is removed and the old report, if any, stays as it was.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{AgreementRow, ConflictRow};
use crate::error::{InputError, Place};

/// Columns of `discrepancies.csv`: CONTRACT.md's, in its order, then `relation`.
pub const CONFLICT_COLUMNS: &[&str] = &[
    "id",
    "status",
    "severity",
    "kind",
    "slot",
    "value_a",
    "value_b",
    "text_a",
    "text_b",
    "sources_a",
    "sources_b",
    "evidence_a",
    "evidence_b",
    "location_a",
    "location_b",
    "rule",
    "note",
    "relation",
];

/// Columns of `agreements.csv`.
pub const AGREEMENT_COLUMNS: &[&str] = &["slot", "kind", "value", "sources", "evidence"];

/// Writes the discrepancy report (header row, CONTRACT.md columns then `relation`).
pub fn write_conflicts(dest: &str, rows: &[ConflictRow]) -> Result<(), InputError> {
    write_rows(dest, CONFLICT_COLUMNS, rows)
}

/// Writes the agreements report: `slot,kind,value,sources,evidence`.
pub fn write_agreements(dest: &str, rows: &[AgreementRow]) -> Result<(), InputError> {
    write_rows(dest, AGREEMENT_COLUMNS, rows)
}

/// The header is written from the column list, so a report with no rows still has one.
fn write_rows<T: Serialize>(dest: &str, header: &[&str], rows: &[T]) -> Result<(), InputError> {
    let fill = |w: &mut dyn Write| -> io::Result<()> {
        let mut csv = csv::WriterBuilder::new().has_headers(false).from_writer(w);
        csv.write_record(header).map_err(io::Error::other)?;
        for r in rows {
            csv.serialize(r).map_err(io::Error::other)?;
        }
        csv.flush()
    };
    if dest == "-" {
        let out = io::stdout();
        let mut lock = out.lock();
        return match fill(&mut lock) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                Err(InputError::new("<stdout>", Place::Whole, e.to_string()))
            }
            _ => Ok(()),
        };
    }
    write_atomic(Path::new(dest), fill)
        .map_err(|e| InputError::new(dest, Place::Whole, format!("cannot write: {e}")))
}

/// Writes `path` through a temporary file in the same folder and a rename, so readers see the
/// old file or the new one, never a part. The folder is created when missing.
pub fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("not a file name"))?
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let file = File::create(&tmp)?;
        let mut w = BufWriter::new(file);
        fill(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        fs::rename(&tmp, path)?;
        // The rename itself lives in the folder's entry: sync it too (best effort).
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Relation, Severity, Status};

    fn row() -> ConflictRow {
        ConflictRow {
            id: "abc".into(),
            status: Status::Open,
            severity: Severity::High,
            kind: "date".into(),
            slot: "coup/date".into(),
            value_a: "2023-02".into(),
            value_b: "2023-07".into(),
            text_a: "February 2023".into(),
            text_b: "July 2023".into(),
            sources_a: "a.txt".into(),
            sources_b: "b.txt;c.txt".into(),
            evidence_a: "A coup in February 2023, \"they said\".".into(),
            evidence_b: "In July 2023.".into(),
            location_a: "a.txt:3:1".into(),
            location_b: "b.txt:9:5".into(),
            rule: "generic-date".into(),
            note: String::new(),
            relation: Relation::Conflict,
        }
    }

    #[test]
    fn header_and_quoting_follow_the_contract() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/out.csv");
        write_conflicts(p.to_str().unwrap(), &[row()]).unwrap();
        let text = fs::read_to_string(&p).unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next().unwrap(),
            "id,status,severity,kind,slot,value_a,value_b,text_a,text_b,sources_a,sources_b,\
             evidence_a,evidence_b,location_a,location_b,rule,note,relation"
        );
        assert_eq!(
            lines.next().unwrap(),
            "abc,open,high,date,coup/date,2023-02,2023-07,February 2023,July 2023,a.txt,b.txt;c.txt,\
             \"A coup in February 2023, \"\"they said\"\".\",In July 2023.,a.txt:3:1,b.txt:9:5,\
             generic-date,,conflict"
        );
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn an_empty_report_still_has_its_header() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.csv");
        write_agreements(p.to_str().unwrap(), &[]).unwrap();
        assert_eq!(
            fs::read_to_string(&p).unwrap(),
            "slot,kind,value,sources,evidence\n"
        );
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        fs::write(&p, "old").unwrap();
        let r = write_atomic(&p, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(r.is_err());
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
