//! A small `.docx` writer for the documents a township hands out in Word form: the annual report,
//! reply letters (告知书). One section on an A4 page with the GB/T 9704 margins, a title,
//! headings of three levels, body paragraphs with a first-line indent, and ruled tables whose
//! header cells may be merged across columns and rows. No I/O: [`Document::to_bytes`] gives the
//! file's bytes.
//!
//! The document carries its look in every run (fonts, sizes, line pitch) instead of in a
//! `styles.xml`, so it reads the same in Word, WPS and LibreOffice whatever their defaults.

mod error;
mod package;
mod table;
mod xml;

pub use error::DocxError;
pub use table::{Cell, Table, TableRow};

/// Twips (1/20 pt) per millimetre.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

/// The page: paper size and margins in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    pub width_mm: f64,
    pub height_mm: f64,
    pub top_mm: f64,
    pub bottom_mm: f64,
    pub left_mm: f64,
    pub right_mm: f64,
}

impl Page {
    /// A4 portrait as GB/T 9704-2012 sets an official document: 天头 37 mm, 订口 28 mm, a text
    /// block of 156 × 225 mm (so 26 mm right and 35 mm bottom).
    pub fn gbt9704() -> Self {
        Page {
            width_mm: 210.0,
            height_mm: 297.0,
            top_mm: 37.0,
            bottom_mm: 35.0,
            left_mm: 28.0,
            right_mm: 26.0,
        }
    }

    /// The same text block turned for wide tables: A4 landscape, the margins kept.
    pub fn gbt9704_landscape() -> Self {
        Page {
            width_mm: 297.0,
            height_mm: 210.0,
            top_mm: 28.0,
            bottom_mm: 26.0,
            left_mm: 37.0,
            right_mm: 35.0,
        }
    }

    fn text_width_twips(&self) -> u32 {
        mm_to_twips(self.width_mm - self.left_mm - self.right_mm)
    }
}

fn mm_to_twips(mm: f64) -> u32 {
    // Page measures are a few hundred millimetres: the product always fits.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let twips = (mm * TWIPS_PER_MM).round().max(0.0) as u32;
    twips
}

/// Horizontal alignment of a paragraph or a cell's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    Left,
    Center,
    Right,
    /// Both edges (两端对齐), what body text uses.
    #[default]
    Justify,
}

/// What a paragraph is, which decides its font and size (GB/T 9704 practice: 标题 2号小标宋,
/// 一级标题 3号黑体, 二级 3号楷体, 三级 3号仿宋加粗, 正文 3号仿宋).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Title,
    Heading1,
    Heading2,
    Heading3,
    Body,
}

impl Style {
    fn east_asian_font(self) -> &'static str {
        match self {
            Style::Title => "方正小标宋简体",
            Style::Heading1 => "黑体",
            Style::Heading2 => "楷体_GB2312",
            Style::Heading3 | Style::Body => "仿宋_GB2312",
        }
    }

    /// Size in half-points (Word's unit for `w:sz`).
    fn half_points(self) -> u32 {
        match self {
            Style::Title => 44,
            _ => 32,
        }
    }

    fn outline_level(self) -> Option<u8> {
        match self {
            Style::Heading1 => Some(0),
            Style::Heading2 => Some(1),
            Style::Heading3 => Some(2),
            Style::Title | Style::Body => None,
        }
    }
}

/// One paragraph of running text.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub text: String,
    pub style: Style,
    pub align: Align,
    /// First-line indent in characters (正文 two).
    pub first_line_chars: u8,
    /// Right indent in characters (a 落款 stands four in from the right edge).
    pub right_chars: u8,
    pub bold: bool,
}

impl Paragraph {
    /// Body text: 3号仿宋, justified, indented two characters.
    pub fn body(text: impl Into<String>) -> Self {
        Paragraph {
            text: text.into(),
            style: Style::Body,
            align: Align::Justify,
            first_line_chars: 2,
            right_chars: 0,
            bold: false,
        }
    }

    /// The document's title, centred.
    pub fn title(text: impl Into<String>) -> Self {
        Paragraph {
            style: Style::Title,
            align: Align::Center,
            first_line_chars: 0,
            ..Paragraph::body(text)
        }
    }

    /// A heading of level 1 to 3 (一、 （一） 1.), indented two characters like the body.
    /// A level past 3 is written as level 3.
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        let style = match level {
            0 | 1 => Style::Heading1,
            2 => Style::Heading2,
            _ => Style::Heading3,
        };
        Paragraph {
            style,
            bold: style == Style::Heading3,
            ..Paragraph::body(text)
        }
    }

    /// Text set flush left without an indent (an addressee line: ×××：).
    pub fn plain(text: impl Into<String>) -> Self {
        Paragraph {
            align: Align::Left,
            first_line_chars: 0,
            ..Paragraph::body(text)
        }
    }

    pub fn align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }

    pub fn first_line_indent(mut self, chars: u8) -> Self {
        self.first_line_chars = chars;
        self
    }

    pub fn right_indent(mut self, chars: u8) -> Self {
        self.right_chars = chars;
        self
    }

    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
}

/// What the body of a document is made of, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
    PageBreak,
}

/// A Word document being put together.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub page: Page,
    /// The title in the file's properties (what Explorer and Word's 属性 show).
    pub title: String,
    /// Page numbers "— 1 —" centred in the footer.
    pub page_numbers: bool,
    pub blocks: Vec<Block>,
}

impl Document {
    /// An empty document on the GB/T 9704 page, with page numbers.
    pub fn new(title: impl Into<String>) -> Self {
        Document {
            page: Page::gbt9704(),
            title: title.into(),
            page_numbers: true,
            blocks: Vec::new(),
        }
    }

    pub fn push(&mut self, paragraph: Paragraph) -> &mut Self {
        self.blocks.push(Block::Paragraph(paragraph));
        self
    }

    pub fn table(&mut self, table: Table) -> &mut Self {
        self.blocks.push(Block::Table(table));
        self
    }

    pub fn page_break(&mut self) -> &mut Self {
        self.blocks.push(Block::PageBreak);
        self
    }

    /// The `.docx` file. Refuses text Word cannot hold (control characters) and tables whose
    /// rows do not fill their columns, naming the place.
    pub fn to_bytes(&self) -> Result<Vec<u8>, DocxError> {
        let document = xml::document(self)?;
        package::write(self, &document)
    }
}
