//! CSV writers: conflict rows and agreement rows in, `discrepancies.csv` and `agreements.csv`
//! out (or stdout for `-`).
//!
//! A file is written whole or not at all: rows go to a temporary file in the destination's
//! folder, which is flushed, synced and renamed over the destination; on any error the
//! temporary file is removed and the old report, if any, stays as it was.
//!
//! Spreadsheet safety (CSV injection, as OWASP recommends): a cell that begins with `=`, `+`,
//! `-`, `@`, a tab or a carriage return is a formula to Excel and LibreOffice, so it is written
//! with a leading `'` ([`neutralize`]); a cell that already begins with `'` and one of those gets
//! a second `'`, so [`restore`] gives back exactly what was written. With `bom`, the file starts
//! with a UTF-8 byte-order mark, without which Excel reads UTF-8 as Windows-1252.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use super::{AgreementRow, ConflictRow};
use crate::durable;
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
    "fact",
    "story",
];

/// Columns of `agreements.csv`.
pub const AGREEMENT_COLUMNS: &[&str] = &["slot", "kind", "value", "sources", "evidence", "story"];

/// The UTF-8 byte-order mark `--bom` puts in front of a CSV file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How a CSV file is written besides its rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
}

/// Writes the discrepancy report (header row, CONTRACT.md columns then `relation`).
pub fn write_conflicts(dest: &str, rows: &[ConflictRow]) -> Result<(), InputError> {
    write_conflicts_with(dest, rows, CsvOptions::default())
}

/// [`write_conflicts`] with options.
pub fn write_conflicts_with(
    dest: &str,
    rows: &[ConflictRow],
    opts: CsvOptions,
) -> Result<(), InputError> {
    write_rows(dest, CONFLICT_COLUMNS, rows.iter(), opts)
}

/// [`write_conflicts_with`] of `n` rows made one at a time by `row`: a big report's rows,
/// each naming thousands of sources, need not all be held.
pub fn write_conflicts_each<'a, R: std::ops::Deref<Target = ConflictRow> + 'a>(
    dest: &str,
    n: usize,
    row: impl Fn(usize) -> R,
    opts: CsvOptions,
) -> Result<(), InputError> {
    write_rows(dest, CONFLICT_COLUMNS, (0..n).map(row), opts)
}

/// Writes the agreements report: `slot,kind,value,sources,evidence`.
pub fn write_agreements(dest: &str, rows: &[AgreementRow]) -> Result<(), InputError> {
    write_agreements_with(dest, rows, CsvOptions::default())
}

/// [`write_agreements`] with options.
pub fn write_agreements_with(
    dest: &str,
    rows: &[AgreementRow],
    opts: CsvOptions,
) -> Result<(), InputError> {
    write_rows(dest, AGREEMENT_COLUMNS, rows.iter(), opts)
}

/// Whether a spreadsheet would take a cell beginning this way for a formula.
fn formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The cell as written to a CSV file: a leading `'` in front of what a spreadsheet would run as a
/// formula (and in front of a `'` that already precedes such a start, so [`restore`] is exact).
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    if formula_like(cell) || cell.strip_prefix('\'').is_some_and(|r| neutralize(r) != r) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as it was before [`neutralize`].
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if neutralize(rest) != rest => rest,
        _ => cell,
    }
}

/// The cells of one row as the `csv` crate would write them, each through [`neutralize`].
fn safe_record<T: Serialize>(row: &T) -> io::Result<csv::StringRecord> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    w.serialize(row).map_err(io::Error::other)?;
    let bytes = w
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    let mut rec = csv::StringRecord::new();
    r.read_record(&mut rec).map_err(io::Error::other)?;
    Ok(rec.iter().map(|c| neutralize(c)).collect())
}

/// The header is written from the column list, so a report with no rows still has one.
fn write_rows<T: Serialize, R: std::ops::Deref<Target = T>>(
    dest: &str,
    header: &[&str],
    rows: impl Iterator<Item = R>,
    opts: CsvOptions,
) -> Result<(), InputError> {
    let fill = |w: &mut dyn Write| -> io::Result<()> {
        if opts.bom {
            w.write_all(BOM)?;
        }
        let mut csv = csv::WriterBuilder::new().has_headers(false).from_writer(w);
        csv.write_record(header).map_err(io::Error::other)?;
        for r in rows {
            csv.write_record(&safe_record(&*r)?)
                .map_err(io::Error::other)?;
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

/// Streams what `fill` writes through [`durable::write_output_with`] (a report of a big
/// corpus is bigger than the memory it may take): a failure while rendering leaves the old
/// file untouched.
pub fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    durable::write_output_with(path, fill)
}

#[cfg(test)]
mod tests {
    use std::fs;

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
            fact: "f1".into(),
            story: "s1".into(),
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
             evidence_a,evidence_b,location_a,location_b,rule,note,relation,fact,story"
        );
        assert_eq!(
            lines.next().unwrap(),
            "abc,open,high,date,coup/date,2023-02,2023-07,February 2023,July 2023,a.txt,b.txt;c.txt,\
             \"A coup in February 2023, \"\"they said\"\".\",In July 2023.,a.txt:3:1,b.txt:9:5,\
             generic-date,,conflict,f1,s1"
        );
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn formula_cells_get_a_quote_and_restore_exactly() {
        for (cell, written) in [
            (
                "- 32 passengers died in the crash.",
                "'- 32 passengers died in the crash.",
            ),
            (
                "=HYPERLINK(\"http://x.example\")",
                "'=HYPERLINK(\"http://x.example\")",
            ),
            ("+1", "'+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("'Twas", "'Twas"),
            ("In July 2023.", "In July 2023."),
            (">=500", ">=500"),
            ("", ""),
        ] {
            assert_eq!(neutralize(cell), written, "{cell:?}");
            assert_eq!(restore(written), cell, "{written:?}");
        }
    }

    #[test]
    fn bom_goes_first_and_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.csv");
        let dest = p.to_str().unwrap();
        write_agreements_with(dest, &[], CsvOptions { bom: true }).unwrap();
        assert_eq!(
            fs::read(&p).unwrap(),
            b"\xEF\xBB\xBFslot,kind,value,sources,evidence,story\n"
        );
        write_agreements(dest, &[]).unwrap();
        assert_eq!(
            fs::read(&p).unwrap(),
            b"slot,kind,value,sources,evidence,story\n"
        );
    }

    #[test]
    fn an_empty_report_still_has_its_header() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.csv");
        write_agreements(p.to_str().unwrap(), &[]).unwrap();
        assert_eq!(
            fs::read_to_string(&p).unwrap(),
            "slot,kind,value,sources,evidence,story\n"
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
