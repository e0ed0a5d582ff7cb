//! Import templates: a source's own header texts mapped to payout columns, saved by the clerk.

use std::collections::HashMap;

use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, params};

use crate::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportTemplate {
    pub id: RowId,
    /// The source it is for, as the clerk calls it (unique).
    pub name: String,
    pub columns: Vec<TemplateColumn>,
    pub updated_at: String,
}

/// A header text of the source and the column key it holds (`None`: ignore that column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateColumn {
    pub header: String,
    pub column: Option<String>,
}

impl Store {
    /// Every template, by name.
    pub fn import_templates(&self) -> Result<Vec<ImportTemplate>, StoreError> {
        let mut columns: HashMap<String, Vec<TemplateColumn>> = HashMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT template_id, header, column_key FROM import_template_column
             ORDER BY template_id, position",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                TemplateColumn {
                    header: r.get(1)?,
                    column: r.get(2)?,
                },
            ))
        })?;
        for row in rows {
            let (template, column) = row?;
            columns.entry(template).or_default().push(column);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, updated_at FROM import_template ORDER BY name")?;
        let templates = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .map(|row| {
                let (id, name, updated_at) = row?;
                Ok(ImportTemplate {
                    columns: columns.remove(&id).unwrap_or_default(),
                    id: id.parse()?,
                    name,
                    updated_at,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(templates)
    }

    /// The template named `name`, if there is one.
    pub fn import_template_named(&self, name: &str) -> Result<Option<ImportTemplate>, StoreError> {
        Ok(self
            .import_templates()?
            .into_iter()
            .find(|t| t.name == name))
    }

    /// Creates the template or replaces its name and columns.
    pub fn save_import_template(&mut self, template: &ImportTemplate) -> Result<(), StoreError> {
        self.write(|w| {
            let taken: Option<String> =
                w.tx.query_row(
                    "SELECT id FROM import_template WHERE name = ?1 AND id <> ?2",
                    params![template.name, template.id.to_string()],
                    |r| r.get(0),
                )
                .optional()?;
            if taken.is_some() {
                return Err(StoreError::Duplicate {
                    what: "导入模板",
                    value: template.name.clone(),
                });
            }
            let now = w.now_text();
            w.tx.execute(
                "INSERT INTO import_template (id, name, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?3)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                     updated_at = excluded.updated_at",
                params![template.id.to_string(), template.name, now],
            )?;
            w.tx.execute(
                "DELETE FROM import_template_column WHERE template_id = ?1",
                [template.id.to_string()],
            )?;
            let mut insert = w.tx.prepare(
                "INSERT INTO import_template_column (template_id, position, header, column_key)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (position, column) in template.columns.iter().enumerate() {
                insert.execute(params![
                    template.id.to_string(),
                    position,
                    column.header,
                    column.column
                ])?;
            }
            Ok(())
        })
    }

    pub fn delete_import_template(&mut self, id: RowId) -> Result<(), StoreError> {
        self.write(|w| {
            let deleted = w.tx.execute(
                "DELETE FROM import_template WHERE id = ?1",
                [id.to_string()],
            )?;
            if deleted == 0 {
                return Err(StoreError::NotFound {
                    what: "导入模板"
                });
            }
            Ok(())
        })
    }
}
