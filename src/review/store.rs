//! Durable file writes: bytes in, a file replaced all at once out, under an exclusive lock.
//!
//! [`write_atomic`] writes to an unnamed temporary file in the target's folder (Linux
//! `O_TMPFILE`, through the `atomic-write-file` crate), fsyncs it, renames it over the target and
//! fsyncs the folder. A reader, or a crash at any moment, sees the old file or the new one, never
//! a mix, and a killed process leaves no stray temporary file behind (the crate falls back to a
//! hidden named temporary file where `O_TMPFILE` is not supported).
//!
//! [`Lock`] is an exclusive advisory lock (std's `File::lock`, `flock(2)` on Linux) on a sibling
//! file `NAME.lock`. The data file itself cannot carry the lock: each write renames a new inode
//! over it, so a lock on the old inode would guard nothing. The lock file is never deleted, since
//! deleting it would let two processes lock two different inodes of the same name. The kernel
//! releases the lock when the holder exits, even on a crash.
//!
//! Test hook: when the environment variable `CLAIMDIFF_CRASH_BEFORE_RENAME` is set,
//! [`write_atomic`] aborts the process after the temporary file is written and synced and before
//! the rename, which is how the kill test simulates a crash at the worst moment.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

/// Environment variable that makes [`write_atomic`] abort between write and rename (tests only).
pub const CRASH_HOOK: &str = "CLAIMDIFF_CRASH_BEFORE_RENAME";

/// Replaces `path` with `bytes` atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicWriteFile::options().open(path)?;
    file.write_all(bytes)?;
    file.flush()?;
    file.as_file().sync_all()?;
    if std::env::var_os(CRASH_HOOK).is_some() {
        // No destructors, no cleanup: as abrupt as a kill between write and rename.
        std::process::abort();
    }
    file.commit()
}

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
