//! One allocation per distinct text of a workbook. A payout list repeats its villages, groups,
//! projects and many names on every row; held once each, a 100,000-row list's cells take a
//! fraction of the memory a `String` per cell did.

use std::collections::HashSet;
use std::sync::Arc;

use crate::Cell;

#[derive(Debug, Default)]
pub(crate) struct SharedText {
    seen: HashSet<Arc<str>>,
}

impl SharedText {
    /// `text` as a cell, sharing the allocation of an equal text seen before.
    pub fn cell(&mut self, text: &str) -> Cell {
        if let Some(known) = self.seen.get(text) {
            return Cell::Text(Arc::clone(known));
        }
        let new: Arc<str> = Arc::from(text);
        self.seen.insert(Arc::clone(&new));
        Cell::Text(new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_allocation() {
        let mut shared = SharedText::default();
        let (Cell::Text(a), Cell::Text(b), Cell::Text(c)) = (
            shared.cell("东山村"),
            shared.cell("东山村"),
            shared.cell("西河村"),
        ) else {
            unreachable!("text makes text cells")
        };
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!(&*c, "西河村");
    }
}
