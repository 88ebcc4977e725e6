//! Bringing one's own data in (issue #3): accounts from a CRM or billing export, CSV or XLSX.
//! The person picks the file, sees the detected column mapping (or applies a mapping saved under
//! a name), the sample and every problem before anything is written, imports all rows or only
//! the valid ones with a progress bar and a cancel, and can undo the last import. The store does the reading, checking and writing;
//! these commands only connect it to the native dialogs and the page.

pub mod history;
pub mod import;
pub mod mappings;
pub mod runs;
