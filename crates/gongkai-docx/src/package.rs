//! The zip package around `document.xml`: content types, relationships, the footer and the
//! core properties (the title).

use std::io::{Cursor, Write};

use quick_xml::escape::escape;
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use crate::xml::{REL_NS, footer};
use crate::{Document, DocxError};

const CONTENT_TYPES_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#;
const FOOTER_TYPE: &str = r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#;
const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

pub(crate) fn write(doc: &Document, document_xml: &str) -> Result<Vec<u8>, DocxError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    let mut content_types = CONTENT_TYPES_HEAD.to_owned();
    if doc.page_numbers {
        content_types.push_str(FOOTER_TYPE);
    }
    content_types.push_str("</Types>");
    let mut part = |name: &str, body: &str| -> Result<(), DocxError> {
        zip.start_file(name, options)?;
        zip.write_all(body.as_bytes())?;
        Ok(())
    };
    part("[Content_Types].xml", &content_types)?;
    part("_rels/.rels", PACKAGE_RELS)?;
    part("docProps/core.xml", &core_properties(&doc.title))?;
    part("word/document.xml", document_xml)?;
    let mut document_rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    if doc.page_numbers {
        document_rels.push_str(&format!(
            r#"<Relationship Id="rIdFooter1" Type="{REL_NS}/footer" Target="footer1.xml"/>"#
        ));
        part("word/footer1.xml", &footer())?;
    }
    document_rels.push_str("</Relationships>");
    part("word/_rels/document.xml.rels", &document_rels)?;
    Ok(zip.finish()?.into_inner())
}

fn core_properties(title: &str) -> String {
    // The title is shown, never interpreted: control characters are dropped rather than refused.
    let title: String = title.chars().filter(|c| !c.is_control()).collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>乡镇政务公开工作台</dc:creator></cp:coreProperties>"#,
        escape(title.as_str())
    )
}
