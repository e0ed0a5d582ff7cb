//! QR codes drawn as vector marks: each row's runs of dark modules become one filled
//! rectangle, so the code stays sharp at any print resolution and costs a few hundred bytes.

use qrcode::{EcLevel, QrCode};

use crate::PrintError;
use crate::render::Page;

/// Light modules kept around the code, as the QR standard asks (ISO/IEC 18004: four).
pub(crate) const QUIET_ZONE: usize = 4;

/// A QR code's modules, row by row, `true` for dark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Modules {
    pub width: usize,
    pub dark: Vec<bool>,
}

impl Modules {
    /// Encodes `text` with error correction level M (15 % of the code may be soiled or torn,
    /// as a sheet on an outdoor board will be).
    pub fn encode(text: &str) -> Result<Modules, PrintError> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .map_err(|e| PrintError::QrCode(format!("{e}，共 {} 字节", text.len())))?;
        Ok(Modules {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect(),
        })
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }

    /// Draws the code with its quiet zone in a `size`-point square whose top-left corner is
    /// `(x, y)`.
    pub fn draw(&self, page: &mut Page<'_>, x: f32, y: f32, size: f32) {
        let module = size / (self.width + 2 * QUIET_ZONE) as f32;
        let origin = (
            x + QUIET_ZONE as f32 * module,
            y + QUIET_ZONE as f32 * module,
        );
        for row in 0..self.width {
            let mut col = 0;
            while col < self.width {
                if !self.is_dark(col, row) {
                    col += 1;
                    continue;
                }
                let start = col;
                while col < self.width && self.is_dark(col, row) {
                    col += 1;
                }
                page.fill(
                    origin.0 + start as f32 * module,
                    origin.1 + row as f32 * module,
                    (col - start) as f32 * module,
                    module,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_portal_address_fits_a_small_code_and_too_much_text_is_refused() {
        let modules = Modules::encode("https://portal.example.invalid/p/GK-2026-0012").unwrap();
        // Version 4 (33 modules) holds 62 bytes at level M.
        assert!(modules.width <= 37, "{}", modules.width);
        assert_eq!(modules.dark.len(), modules.width * modules.width);
        // The finder pattern's corner is dark, its inner ring light.
        assert!(modules.is_dark(0, 0) && !modules.is_dark(1, 1) && modules.is_dark(2, 2));
        let err = Modules::encode(&"x".repeat(3000)).unwrap_err();
        assert!(err.to_string().contains("二维码"), "{err}");
    }
}
