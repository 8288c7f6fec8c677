//! Durable file writes: bytes in, a file replaced all at once out, under an exclusive lock.
//!
//! Writes go through [`crate::durable::write_atomic`], which writes to an unnamed temporary file in the target's folder (Linux
//! `O_TMPFILE`, through the `atomic-write-file` crate), fsyncs it, renames it over the target and
//! fsyncs the folder. A reader, or a crash at any moment, sees the old file or the new one, never
//! a mix. The crate links the finished temporary file to a hidden name `.NAME.XXXXXX` just before
//! the rename (and uses such a name throughout where `O_TMPFILE` is unsupported), so a kill in that
//! window leaves a stray hidden file; [`Lock::remove_stale_temporaries`] deletes those, and since
//! only the lock holder writes, any it finds belong to a writer that died.
//!
//! [`Lock`] is an exclusive advisory lock (std's `File::lock`, `flock(2)` on Linux) on a sibling
//! file `NAME.lock`. The data file itself cannot carry the lock: each write renames a new inode
//! over it, so a lock on the old inode would guard nothing. The lock file is never deleted, since
//! deleting it would let two processes lock two different inodes of the same name. The kernel
//! releases the lock when the holder exits, even on a crash.
//!
//! Test hook: when the environment variable `CLAIMDIFF_CRASH_BEFORE_RENAME` is set,
//! [`crate::durable::write_atomic`] aborts the process after the temporary file is written and synced and before
//! the rename, which is how the kill test simulates a crash at the worst moment.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

pub use crate::durable::{CRASH_HOOK, write_atomic};

/// An exclusive lock on `PATH.lock`, held until dropped.
#[derive(Debug)]
pub struct Lock {
    file: File,
}

impl Lock {
    /// Blocks until no other process holds the lock for `path`. Writers hold it only for a
    /// read-change-write cycle (milliseconds), so waiting is short.
    pub fn acquire(path: &Path) -> io::Result<Lock> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(lock_path(path))?;
        file.lock()?;
        Ok(Lock { file })
    }
}

impl Lock {
    /// Deletes hidden temporary files `.NAME.XXXXXX` left next to `path` by a writer that was
    /// killed mid-write. Taking `&self` means it only runs under the lock, when no live writer
    /// can own such a file.
    pub fn remove_stale_temporaries(&self, path: &Path) -> io::Result<()> {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return Ok(());
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let prefix = format!(".{name}.");
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let file_name = entry.file_name();
            let Some(n) = file_name.to_str() else {
                continue;
            };
            let is_temporary = n.strip_prefix(&prefix).is_some_and(|suffix| {
                suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
            });
            if is_temporary {
                std::fs::remove_file(entry.path())?;
            }
        }
        Ok(())
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the file would release it too; unlocking first makes the order explicit.
        let _ = self.file.unlock();
    }
}

/// `reports/reviews.csv` → `reports/reviews.csv.lock`.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("reviews.csv");
        write_atomic(&p, b"old\n").unwrap();
        write_atomic(&p, b"new\n").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("reviews.csv")]);
    }

    use std::os::unix::fs::FileTypeExt;

    #[test]
    fn refuses_devices_and_follows_symlinks() {
        // A named pipe stands in for a device such as /dev/null (never touch the real one).
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let err = write_atomic(&fifo, b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
        assert!(
            write_atomic(dir.path(), b"x").is_err(),
            "a folder is refused"
        );
        let real = dir.path().join("real.csv");
        let link = dir.path().join("link.csv");
        std::fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn stale_temporaries_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("reviews.csv");
        for n in [
            ".reviews.csv.Ab3xZ9",
            ".reviews.csv.toolong1",
            "reviews.csv.lock",
            ".other.Ab3xZ9",
        ] {
            std::fs::write(dir.path().join(n), b"x").unwrap();
        }
        let lock = Lock::acquire(&p).unwrap();
        lock.remove_stale_temporaries(&p).unwrap();
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [".other.Ab3xZ9", ".reviews.csv.toolong1", "reviews.csv.lock"]
        );
    }

    #[test]
    fn lock_excludes_a_second_holder_until_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("reviews.csv");
        let held = Lock::acquire(&p).unwrap();
        let other = File::options()
            .read(true)
            .write(true)
            .open(lock_path(&p))
            .unwrap();
        assert!(matches!(
            other.try_lock(),
            Err(std::fs::TryLockError::WouldBlock)
        ));
        drop(held);
        assert!(other.try_lock().is_ok());
    }
}
