//! The first import into a path where no workspace is yet (issue #3 part 1, "Writing"): the
//! workspace is built with the book inside and appears only when the import succeeded. It holds
//! the same book an import into an existing empty workspace gives, including a retried pass when
//! the file decides the day/month order, and it is a normal WAL workspace afterwards.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{db_path, stray_files, temp_dir};
use csplan_store::{
    DEFAULT_BUSY_TIMEOUT, DateOrderFinding, ImportOptions, ImportProgress, NewWorkspace, Store,
    StoreError,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/messy_accounts.csv")
}

fn skip_invalid() -> ImportOptions {
    ImportOptions {
        skip_invalid: true,
        ..ImportOptions::default()
    }
}

async fn import_at(
    path: &Path,
    options: &ImportOptions,
) -> Result<csplan_store::ImportOutcome, StoreError> {
    Store::import_accounts_at(
        path,
        DEFAULT_BUSY_TIMEOUT,
        &fixture(),
        options,
        &Arc::new(ImportProgress::new()),
    )
    .await
}

#[tokio::test]
async fn a_new_workspace_holds_the_same_book_as_an_import_into_an_empty_one() {
    let dir = temp_dir();
    let existing = db_path(&dir, "existing.db");
    let store = Store::create(&existing, NewWorkspace::Empty).await.unwrap();
    let expected = store
        .import_accounts(
            &fixture(),
            &skip_invalid(),
            &Arc::new(ImportProgress::new()),
        )
        .await
        .unwrap();
    let expected_book = store.accounts().await.unwrap();
    store.close().await;

    let fresh = db_path(&dir, "fresh.db");
    let outcome = import_at(&fresh, &skip_invalid()).await.unwrap();
    // The fixture's dates decide day-first only after a first pass: the retry rolled back the
    // first pass's rows inside the file being built.
    assert_eq!(
        outcome.date_order,
        DateOrderFinding::Inferred {
            order: csplan_domain::values::DateOrder::Dmy
        }
    );
    assert_eq!(
        (outcome.added, outcome.updated, outcome.rejected),
        (expected.added, expected.updated, expected.rejected)
    );
    assert_eq!((outcome.added, outcome.rejected), (4, 13));

    let store = Store::open_with(&fresh, None, DEFAULT_BUSY_TIMEOUT)
        .await
        .unwrap();
    assert_eq!(store.accounts().await.unwrap(), expected_book);
    let info = store.workspace_info().await.unwrap();
    assert_eq!((info.name.as_str(), info.kind.as_str()), ("fresh", "user"));
    assert_eq!(store.imports().await.unwrap().len(), 1);
    store.close().await;
    assert!(
        stray_files(dir.path()).is_empty(),
        "{:?}",
        stray_files(dir.path())
    );
}

#[tokio::test]
async fn a_rejected_first_import_leaves_nothing_and_an_empty_file_stays_empty() {
    let dir = temp_dir();
    let fresh = db_path(&dir, "fresh.db");
    let error = import_at(&fresh, &ImportOptions::default())
        .await
        .unwrap_err();
    assert!(matches!(error, StoreError::InvalidImport(_)), "{error:?}");
    assert!(!fresh.exists());

    // A 0-byte file (a save dialog's) is replaced by the workspace only on success.
    std::fs::write(&fresh, b"").unwrap();
    import_at(&fresh, &ImportOptions::default())
        .await
        .unwrap_err();
    assert_eq!(std::fs::metadata(&fresh).unwrap().len(), 0);
    let outcome = import_at(&fresh, &skip_invalid()).await.unwrap();
    assert_eq!(outcome.added, 4);
    assert!(
        stray_files(dir.path()).is_empty(),
        "{:?}",
        stray_files(dir.path())
    );
}

#[tokio::test]
async fn an_existing_workspace_is_imported_into_not_replaced() {
    let dir = temp_dir();
    let path = db_path(&dir, "demo.db");
    let demo = Store::create(&path, NewWorkspace::Demo).await.unwrap();
    let before = demo.workspace_info().await.unwrap();
    demo.close().await;
    let outcome = import_at(&path, &skip_invalid()).await.unwrap();
    let store = Store::open_with(&path, None, DEFAULT_BUSY_TIMEOUT)
        .await
        .unwrap();
    let after = store.workspace_info().await.unwrap();
    store.close().await;
    assert_eq!(after.kind, "demo");
    assert_eq!(after.accounts, before.accounts + outcome.added);
}
