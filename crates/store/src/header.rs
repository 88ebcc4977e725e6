//! What is at a path, decided from the first 100 bytes of the file alone, before SQLite ever
//! opens it: so a text file or another program's database is refused without being touched.

use crate::error::StoreError;
use std::io::{ErrorKind, Read};
use std::path::Path;

/// `PRAGMA application_id` of every CS Plan workspace: "CSPL" in ASCII. SQLite keeps it at
/// byte 68 of the file header (https://www.sqlite.org/fileformat.html#application_id).
pub(crate) const APPLICATION_ID: i32 = i32::from_be_bytes(*b"CSPL");

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;
const APPLICATION_ID_OFFSET: usize = 68;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileState {
    Missing,
    /// A 0-byte file (e.g. made by `touch` or a save dialog): nothing to lose, may be initialised.
    Empty,
    Workspace,
    NotSqlite,
    ForeignSqlite,
}

pub(crate) fn inspect(path: &Path) -> Result<FileState, StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(FileState::Missing),
        Err(e) => return Err(StoreError::io(path, "open", e)),
    };
    let metadata = file
        .metadata()
        .map_err(|e| StoreError::io(path, "read", e))?;
    if metadata.is_dir() {
        return Err(StoreError::io(
            path,
            "open",
            std::io::Error::new(ErrorKind::IsADirectory, "it is a folder, not a file"),
        ));
    }
    let mut header = Vec::with_capacity(HEADER_LEN);
    file.by_ref()
        .take(HEADER_LEN as u64)
        .read_to_end(&mut header)
        .map_err(|e| StoreError::io(path, "read", e))?;
    Ok(classify(&header))
}

fn classify(header: &[u8]) -> FileState {
    if header.is_empty() {
        return FileState::Empty;
    }
    if header.len() < HEADER_LEN || !header.starts_with(SQLITE_MAGIC) {
        return FileState::NotSqlite;
    }
    let mut id = [0u8; 4];
    id.copy_from_slice(&header[APPLICATION_ID_OFFSET..APPLICATION_ID_OFFSET + 4]);
    if i32::from_be_bytes(id) == APPLICATION_ID {
        FileState::Workspace
    } else {
        FileState::ForeignSqlite
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_with_id(id: i32) -> Vec<u8> {
        let mut header = vec![0u8; HEADER_LEN];
        header[..16].copy_from_slice(SQLITE_MAGIC);
        header[68..72].copy_from_slice(&id.to_be_bytes());
        header
    }

    #[test]
    fn tells_files_apart_by_their_header() {
        assert_eq!(classify(b""), FileState::Empty);
        assert_eq!(classify(b"account_id,arr\n"), FileState::NotSqlite);
        assert_eq!(classify(&header_with_id(0)), FileState::ForeignSqlite);
        assert_eq!(
            classify(&header_with_id(APPLICATION_ID)),
            FileState::Workspace
        );
        assert_eq!(
            classify(&header_with_id(APPLICATION_ID)[..60]),
            FileState::NotSqlite
        );
    }
}
