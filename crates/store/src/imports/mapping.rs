//! Which column of a file becomes which account field: detected from the header names, given by
//! the caller (the user confirmed or changed it), or remembered from an earlier import of the same
//! export. Columns mapped to no field are kept as custom fields (segmentation rules can test them).

use super::fields::{AccountField, MRR_SYNONYMS, normalise_header};
use crate::StoreError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What one column of the file becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ColumnTarget {
    Field {
        field: AccountField,
    },
    /// Monthly recurring revenue: ARR is 12 times it, exactly.
    Mrr,
    /// Kept with the account under the column's header name.
    Custom,
    /// Not imported.
    Skip,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MappedColumn {
    pub header: String,
    pub target: ColumnTarget,
}

/// One entry per header column, in the file's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnMapping {
    pub columns: Vec<MappedColumn>,
}

impl ColumnTarget {
    /// The names a target is written with outside the app (the CLI's `--map "Header=NAME"`):
    /// every field's key, `mrr`, `custom` and `ignore`.
    pub fn names() -> Vec<&'static str> {
        let mut names: Vec<&'static str> = AccountField::ALL.iter().map(|f| f.key()).collect();
        names.extend(["mrr", "custom", "ignore"]);
        names
    }

    /// How this target is written (the inverse of [`ColumnTarget::from_name`]).
    pub fn name(self) -> &'static str {
        match self {
            ColumnTarget::Field { field } => field.key(),
            ColumnTarget::Mrr => "mrr",
            ColumnTarget::Custom => "custom",
            ColumnTarget::Skip => "ignore",
        }
    }

    /// The target written as `name` (see [`ColumnTarget::names`]), ignoring case and spaces.
    pub fn from_name(name: &str) -> Option<ColumnTarget> {
        let name = name.trim().to_ascii_lowercase();
        match name.as_str() {
            "mrr" => Some(ColumnTarget::Mrr),
            "custom" => Some(ColumnTarget::Custom),
            "ignore" => Some(ColumnTarget::Skip),
            key => AccountField::from_key(key).map(|field| ColumnTarget::Field { field }),
        }
    }
}

impl ColumnMapping {
    /// This mapping with the column `header` (its exact name, or failing that its only column
    /// of the same normalised name) read as `target`: see [`ColumnMapping::with_target_at`].
    pub fn with_target(
        &self,
        header: &str,
        target: ColumnTarget,
    ) -> Result<ColumnMapping, StoreError> {
        let position = self
            .columns
            .iter()
            .position(|c| c.header == header)
            .or_else(|| {
                let key = normalise_header(header);
                let mut same = self
                    .columns
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| normalise_header(&c.header) == key)
                    .map(|(p, _)| p);
                match (same.next(), same.next()) {
                    (Some(p), None) => Some(p),
                    _ => None,
                }
            })
            .ok_or_else(|| StoreError::InvalidInputs {
                reason: format!(
                    "the file has no column \"{header}\"; its columns are {}",
                    self.columns
                        .iter()
                        .map(|c| format!("\"{}\"", c.header))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })?;
        self.with_target_at(position, target)
    }

    /// This mapping with the column at `position` (0-based, the file's order) read as `target`.
    /// A column that held the field before keeps its values as a custom field instead, so the
    /// change moves the field to this column; ARR and MRR exclude each other the same way. The
    /// CLI's `--map` and the app's mapping editor both change a mapping through here, so a file
    /// reads the same whichever way its columns were chosen. By position, because an export may
    /// repeat a header and the editor shows each column.
    pub fn with_target_at(
        &self,
        position: usize,
        target: ColumnTarget,
    ) -> Result<ColumnMapping, StoreError> {
        if position >= self.columns.len() {
            return Err(StoreError::InvalidInputs {
                reason: format!(
                    "the file has {} columns; there is no column {}",
                    self.columns.len(),
                    position + 1
                ),
            });
        }
        let arr = ColumnTarget::Field {
            field: AccountField::Arr,
        };
        let displaced = |other: ColumnTarget| match target {
            ColumnTarget::Field { .. } | ColumnTarget::Mrr if other == target => true,
            ColumnTarget::Mrr => other == arr,
            _ if target == arr => other == ColumnTarget::Mrr,
            _ => false,
        };
        let columns = self
            .columns
            .iter()
            .enumerate()
            .map(|(p, c)| MappedColumn {
                header: c.header.clone(),
                target: if p == position {
                    target
                } else if displaced(c.target) {
                    ColumnTarget::Custom
                } else {
                    c.target
                },
            })
            .collect();
        Ok(ColumnMapping { columns })
    }
}

/// Where an import's mapping came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MappingOrigin {
    /// Remembered from an earlier import: of the same headers (no name) or saved under a name.
    Saved {
        name: Option<String>,
    },
    Detected,
    Given,
}

/// Maps each header by its name: every field takes the first column whose normalised header is
/// one of its names, trying each field's best name first across the whole header (so "Account
/// ID" wins the id over a later plain "Id"). MRR counts only when no column gives ARR.
pub fn detect_mapping(headers: &[String]) -> ColumnMapping {
    let normalised: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let mut targets: Vec<Option<ColumnTarget>> = vec![None; headers.len()];
    let max_rank = AccountField::ALL
        .iter()
        .map(|f| f.synonyms().len())
        .max()
        .unwrap_or(0);
    let mut taken = Vec::new();
    for rank in 0..max_rank {
        for field in AccountField::ALL {
            if taken.contains(&field) {
                continue;
            }
            let Some(name) = field.synonyms().get(rank) else {
                continue;
            };
            if let Some(column) =
                (0..headers.len()).find(|&c| targets[c].is_none() && normalised[c] == *name)
            {
                targets[column] = Some(ColumnTarget::Field { field });
                taken.push(field);
            }
        }
    }
    if !taken.contains(&AccountField::Arr)
        && let Some(column) = (0..headers.len())
            .find(|&c| targets[c].is_none() && MRR_SYNONYMS.contains(&normalised[c].as_str()))
    {
        targets[column] = Some(ColumnTarget::Mrr);
    }
    ColumnMapping {
        columns: headers
            .iter()
            .zip(targets)
            .map(|(header, target)| MappedColumn {
                header: header.clone(),
                target: target.unwrap_or(if header.trim().is_empty() {
                    ColumnTarget::Skip
                } else {
                    ColumnTarget::Custom
                }),
            })
            .collect(),
    }
}

/// The key a mapping is remembered under: the normalised headers in order.
pub(crate) fn signature(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| normalise_header(h))
        .collect::<Vec<_>>()
        .join("|")
}

/// A remembered mapping applied to this file's headers: each header takes the target it had
/// there (matched by normalised name); headers the saved mapping did not have are detected.
pub(crate) fn apply_saved(saved: &ColumnMapping, headers: &[String]) -> ColumnMapping {
    let detected = detect_mapping(headers);
    let mut used: Vec<AccountField> = Vec::new();
    let columns = headers
        .iter()
        .zip(detected.columns)
        .map(|(header, fallback)| {
            let key = normalise_header(header);
            let target = saved
                .columns
                .iter()
                .find(|c| normalise_header(&c.header) == key)
                .map_or(fallback.target, |c| c.target);
            let target = match target {
                ColumnTarget::Field { field } if used.contains(&field) => ColumnTarget::Custom,
                ColumnTarget::Field { field } => {
                    used.push(field);
                    target
                }
                other => other,
            };
            MappedColumn {
                header: header.clone(),
                target,
            }
        })
        .collect();
    ColumnMapping { columns }
}

/// A mapping checked against the file and turned into column positions.
#[derive(Debug, Clone)]
pub(crate) struct ColumnPlan {
    /// Column of each field (indexed like `AccountField::ALL`).
    pub fields: [Option<usize>; 16],
    pub mrr: Option<usize>,
    /// Custom columns: position and the header they are kept under.
    pub custom: Vec<(usize, String)>,
    pub headers: Vec<String>,
}

/// Why a mapping cannot be used for this file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MappingError {
    /// The mapping lists other headers than the file has.
    Mismatch(String),
    /// Required fields that no column maps to.
    Unmapped(Vec<AccountField>),
}

impl ColumnPlan {
    pub fn new(mapping: &ColumnMapping, headers: &[String]) -> Result<ColumnPlan, MappingError> {
        if mapping.columns.len() != headers.len()
            || mapping
                .columns
                .iter()
                .zip(headers)
                .any(|(c, h)| c.header != *h)
        {
            return Err(MappingError::Mismatch(format!(
                "the mapping is for the columns {}, but the file has {}",
                mapping
                    .columns
                    .iter()
                    .map(|c| c.header.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                headers.join(", ")
            )));
        }
        let mut fields = [None; 16];
        let mut mrr = None;
        let mut custom = Vec::new();
        for (position, column) in mapping.columns.iter().enumerate() {
            match column.target {
                ColumnTarget::Field { field } => {
                    let slot = &mut fields[field as usize];
                    if slot.is_some() {
                        return Err(MappingError::Mismatch(format!(
                            "two columns are mapped to {}; map one and keep the other as a custom field",
                            field.label()
                        )));
                    }
                    *slot = Some(position);
                }
                ColumnTarget::Mrr if mrr.is_some() => {
                    return Err(MappingError::Mismatch(
                        "two columns are mapped to MRR; map one".to_string(),
                    ));
                }
                ColumnTarget::Mrr => mrr = Some(position),
                ColumnTarget::Custom => custom.push((position, column.header.clone())),
                ColumnTarget::Skip => {}
            }
        }
        if mrr.is_some() && fields[AccountField::Arr as usize].is_some() {
            return Err(MappingError::Mismatch(
                "both an ARR and an MRR column are mapped; map one of them".to_string(),
            ));
        }
        let missing: Vec<AccountField> = AccountField::ALL
            .into_iter()
            .filter(|f| f.required() && fields[*f as usize].is_none())
            .filter(|f| !(*f == AccountField::Arr && mrr.is_some()))
            .collect();
        if !missing.is_empty() {
            return Err(MappingError::Unmapped(missing));
        }
        Ok(ColumnPlan {
            fields,
            mrr,
            custom,
            headers: headers.to_vec(),
        })
    }

    /// The header of a field's column, for problems ("column Renewal Date").
    pub fn header_of(&self, field: AccountField) -> &str {
        let position = if field == AccountField::Arr {
            self.fields[field as usize].or(self.mrr)
        } else {
            self.fields[field as usize]
        };
        position
            .and_then(|p| self.headers.get(p))
            .map_or(field.key(), String::as_str)
    }
}

/// Required fields the mapping leaves without a column (for the preview).
pub(crate) fn missing_fields(mapping: &ColumnMapping) -> Vec<AccountField> {
    let has = |wanted: ColumnTarget| mapping.columns.iter().any(|c| c.target == wanted);
    AccountField::ALL
        .into_iter()
        .filter(|f| f.required() && !has(ColumnTarget::Field { field: *f }))
        .filter(|f| !(*f == AccountField::Arr && has(ColumnTarget::Mrr)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn target_of(mapping: &ColumnMapping, header: &str) -> ColumnTarget {
        mapping
            .columns
            .iter()
            .find(|c| c.header == header)
            .map(|c| c.target)
            .unwrap()
    }

    #[test]
    fn detects_crm_headers() {
        let file = headers(&[
            "Id",
            "Account ID",
            "Account Name",
            "Monthly Recurring Revenue",
            "Renewal Date",
            "Owner",
            "Favourite colour",
        ]);
        let mapping = detect_mapping(&file);
        let field = |f| ColumnTarget::Field { field: f };
        assert_eq!(
            target_of(&mapping, "Account ID"),
            field(AccountField::AccountId)
        );
        // "Id" is a weaker name for the id, which "Account ID" already took.
        assert_eq!(target_of(&mapping, "Id"), ColumnTarget::Custom);
        assert_eq!(
            target_of(&mapping, "Account Name"),
            field(AccountField::AccountName)
        );
        assert_eq!(
            target_of(&mapping, "Monthly Recurring Revenue"),
            ColumnTarget::Mrr
        );
        assert_eq!(
            target_of(&mapping, "Renewal Date"),
            field(AccountField::RenewalDate)
        );
        assert_eq!(target_of(&mapping, "Owner"), field(AccountField::CsmOwner));
        assert_eq!(
            target_of(&mapping, "Favourite colour"),
            ColumnTarget::Custom
        );
    }

    #[test]
    fn arr_beats_mrr_and_unmapped_required_fields_are_named() {
        let file = headers(&["ARR", "MRR", "Name"]);
        let mapping = detect_mapping(&file);
        assert_eq!(
            target_of(&mapping, "ARR"),
            ColumnTarget::Field {
                field: AccountField::Arr
            }
        );
        assert_eq!(target_of(&mapping, "MRR"), ColumnTarget::Custom);
        let Err(MappingError::Unmapped(missing)) = ColumnPlan::new(&mapping, &file) else {
            panic!("expected unmapped fields");
        };
        assert_eq!(missing, missing_fields(&mapping));
        assert_eq!(missing[0], AccountField::AccountId);
        assert!(!missing.contains(&AccountField::Arr));
    }
}
