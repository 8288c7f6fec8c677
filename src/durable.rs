//! Durable output files: bytes in, a file replaced all at once out.
//!
//! Reports and the reviews file are replaced atomically, so a reader or a crash sees the old
//! file or the new one, never a mix. Output named by the user may also be a stream
//! (`/dev/stdout`, a pipe): [`write_output`] writes those straight through, since renaming a
//! temporary file over a device would replace the device node itself with a plain file.

use std::io::{self, Write};
use std::path::Path;

use atomic_write_file::AtomicWriteFile;

/// Environment variable that makes [`write_atomic`] abort between write and rename (tests only).
pub const CRASH_HOOK: &str = "CLAIMDIFF_CRASH_BEFORE_RENAME";

/// Replaces `path` with `bytes` atomically and durably.
///
/// A symlink is followed, so the file it points to is replaced and the link stays. Anything
/// that exists but is not a regular file (`/dev/null`, a folder, a pipe) is refused: renaming
/// over it would replace the device node or pipe itself with a plain file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// [`write_atomic`] of what `fill` writes, streamed to the temporary file: a report bigger
/// than memory need not be held. When `fill` fails, the old file stays as it was.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => std::fs::canonicalize(path)?,
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a regular file; it cannot be replaced atomically",
            ));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => path.to_path_buf(),
        Err(e) => return Err(e),
    };
    let mut file = AtomicWriteFile::options().open(&target)?;
    {
        let mut w = io::BufWriter::with_capacity(1 << 16, &mut file);
        fill(&mut w)?;
        w.flush()?;
    }
    file.flush()?;
    file.as_file().sync_all()?;
    if std::env::var_os(CRASH_HOOK).is_some() {
        // No destructors, no cleanup: as abrupt as a kill between write and rename.
        std::process::abort();
    }
    file.commit()
}

/// Writes a report to `path`: atomically when it is (or will be) a regular file, straight
/// through when it is a device or a pipe. Missing parent folders are created.
pub fn write_output(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_output_with(path, |w| w.write_all(bytes))
}

/// [`write_output`] of what `fill` writes, streamed.
pub fn write_output_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a folder; give a file name",
        )),
        Ok(m) if !m.is_file() => {
            let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
            let mut w = io::BufWriter::with_capacity(1 << 16, &mut f);
            fill(&mut w)?;
            w.flush()
        }
        _ => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| {
                    if e.kind() == io::ErrorKind::AlreadyExists {
                        // A file stands where a folder should be ("File exists" would puzzle).
                        io::Error::new(
                            io::ErrorKind::NotADirectory,
                            format!("{} is a file, not a folder", dir.display()),
                        )
                    } else {
                        e
                    }
                })?;
            }
            write_atomic_with(path, fill)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_written_through_not_replaced() {
        write_output(Path::new("/dev/null"), b"discarded").unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file(), "/dev/null must stay a device");
    }

    #[test]
    fn a_regular_file_is_replaced_and_folders_are_made() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("new/out.csv");
        write_output(&p, b"a,b\n").unwrap();
        write_output(&p, b"c,d\n").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "c,d\n");
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
        assert!(write_output(dir.path(), b"x").is_err());
    }
}
