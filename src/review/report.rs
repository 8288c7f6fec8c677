//! Reading a discrepancy report back: `discrepancies.csv` in, [`ConflictRow`]s out.
//!
//! The reviewer works from the last report `check` wrote. Columns are matched by header name, so
//! columns added at the end of the report later are ignored here rather than breaking review.

use std::path::Path;

use crate::error::{InputError, Place};
use crate::report::ConflictRow;

/// Reads every conflict row of the report at `path`; a missing or malformed report is an error
/// naming the file (and line).
pub fn read_conflicts(path: &Path) -> Result<Vec<ConflictRow>, InputError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        let err = InputError::new(name.clone(), Place::Whole, format!("cannot read: {e}"));
        if e.kind() == std::io::ErrorKind::NotFound {
            err.hint("run `claimdiff check` first, or pass --report FILE")
        } else {
            err
        }
    })?;
    parse_conflicts(&name, &bytes)
}

/// Parses the bytes of a report called `name` (for messages). A byte-order mark (`check --bom`)
/// is skipped, and cells `check` neutralized for spreadsheets get their text back.
pub fn parse_conflicts(name: &str, bytes: &[u8]) -> Result<Vec<ConflictRow>, InputError> {
    let bytes = bytes.strip_prefix(crate::report::csv::BOM).unwrap_or(bytes);
    let mut rdr = csv::Reader::from_reader(bytes);
    let err = |e: csv::Error| {
        let place = e
            .position()
            .map_or(Place::Whole, |p| Place::Line(p.line() as usize));
        InputError::new(name, place, format!("not a discrepancy report row: {e}"))
    };
    let headers = rdr.headers().map_err(err)?.clone();
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(err)?;
        let mut restored: csv::StringRecord = rec.iter().map(crate::report::csv::restore).collect();
        restored.set_position(rec.position().cloned());
        rows.push(restored.deserialize(Some(&headers)).map_err(err)?);
    }
    Ok(rows)
}

/// The order conflicts are reviewed in: most severe first, then by slot and id so the order is
/// the same on every run.
pub fn review_order(a: &ConflictRow, b: &ConflictRow) -> std::cmp::Ordering {
    b.severity
        .cmp(&a.severity)
        .then_with(|| a.slot.cmp(&b.slot))
        .then_with(|| a.id.cmp(&b.id))
}
