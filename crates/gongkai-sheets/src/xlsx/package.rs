//! The parts of an `.xlsx` package: which sheets it holds (in the workbook's order, by name)
//! and where its shared strings and styles are, as the relationships name them.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::ZipArchive;
use zip::read::ZipFile;

/// The most bytes of a part read whole (workbook, relationships, styles): a real one is a
/// few kilobytes.
const MAX_SMALL_PART: u64 = 16 * 1024 * 1024;

/// Where the package keeps what the reader needs. `Err` everywhere here carries a detail for
/// the "damaged file" message.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    /// (sheet name, zip path of its XML, hidden), in the workbook's order.
    pub sheets: Vec<(String, String, bool)>,
    pub shared_strings: Option<String>,
    pub styles: Option<String>,
    /// Dates counted from 1904 (old Mac Excel) instead of 1900.
    pub date1904: bool,
}

pub(crate) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, String> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
        Ok(Package { zip })
    }

    /// A small part read whole.
    pub fn small(&mut self, path: &str) -> Result<Vec<u8>, String> {
        let mut file = self.zip.by_name(path).map_err(|e| format!("{path}：{e}"))?;
        let mut out = Vec::new();
        (&mut file)
            .take(MAX_SMALL_PART)
            .read_to_end(&mut out)
            .map_err(|e| format!("{path}：{e}"))?;
        Ok(out)
    }

    /// A part to be read as it inflates (a sheet's cells, the shared strings).
    pub fn stream(&mut self, path: &str) -> Result<ZipFile<'_, Cursor<&'a [u8]>>, String> {
        self.zip.by_name(path).map_err(|e| format!("{path}：{e}"))
    }

    pub fn parts(&mut self) -> Result<Parts, String> {
        let workbook = self.workbook_path();
        let (dir, file) = workbook.rsplit_once('/').unwrap_or(("", workbook.as_str()));
        let rels_path = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        // Relationship id → (type, zip path).
        let mut targets: HashMap<String, (String, String)> = HashMap::new();
        tags(&self.small(&rels_path)?, &["Relationship"], |_, tag| {
            if let (Some(id), Some(target)) = (attribute(tag, "Id"), attribute(tag, "Target")) {
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_owned(),
                    None if dir.is_empty() => target,
                    None => format!("{dir}/{target}"),
                };
                targets.insert(id, (attribute(tag, "Type").unwrap_or_default(), path));
            }
        });
        let of_type = |kind: &str| {
            targets
                .values()
                .find(|(t, _)| t.ends_with(kind))
                .map(|(_, p)| p.clone())
        };
        let mut parts = Parts {
            shared_strings: of_type("/sharedStrings"),
            styles: of_type("/styles"),
            ..Parts::default()
        };
        tags(
            &self.small(&workbook)?,
            &["sheet", "workbookPr"],
            |name, tag| {
                if name == "workbookPr" {
                    parts.date1904 = attribute(tag, "date1904")
                        .is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"));
                } else if let (Some(name), Some(id)) =
                    (attribute(tag, "name"), attribute(tag, "id"))
                    && let Some((_, path)) = targets.get(&id)
                {
                    // `state="hidden"` or `"veryHidden"`; absent or `"visible"` is shown.
                    let hidden = attribute(tag, "state").is_some_and(|s| s != "visible");
                    parts.sheets.push((name, path.clone(), hidden));
                }
            },
        );
        Ok(parts)
    }

    /// The workbook part, as the package's relationships name it (`xl/workbook.xml` by default).
    fn workbook_path(&mut self) -> String {
        let mut path = None;
        if let Ok(rels) = self.small("_rels/.rels") {
            tags(&rels, &["Relationship"], |_, tag| {
                if attribute(tag, "Type").is_some_and(|t| t.ends_with("/officeDocument")) {
                    path = attribute(tag, "Target");
                }
            });
        }
        path.map(|p| p.trim_start_matches('/').to_owned())
            .unwrap_or_else(|| "xl/workbook.xml".to_owned())
    }
}

/// The value of the attribute with local name `local`, entities resolved.
pub(crate) fn attribute(tag: &BytesStart<'_>, local: &str) -> Option<String> {
    tag.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// Every start or empty tag of `xml` with one of the given local names.
fn tags(xml: &[u8], locals: &[&str], mut each: impl FnMut(&str, &BytesStart<'_>)) {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(tag) | Event::Empty(tag)) => {
                let name = tag.local_name();
                if let Some(local) = locals.iter().find(|l| **l == name.as_ref()) {
                    each(local, &tag);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
}
