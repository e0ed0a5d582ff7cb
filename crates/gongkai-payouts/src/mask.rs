/// How personal numbers are shown on public notices. The defaults follow the published
/// municipal practice recorded in `shared/domain` (ID: first 2 and last 3; phone: 138****1234;
/// bank account: last 4); a township may set others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaskRules {
    pub id_keep_start: usize,
    pub id_keep_end: usize,
    pub bank_keep_end: usize,
    pub phone_keep_start: usize,
    pub phone_keep_end: usize,
}

impl Default for MaskRules {
    fn default() -> Self {
        Self {
            id_keep_start: 2,
            id_keep_end: 3,
            bank_keep_end: 4,
            phone_keep_start: 3,
            phone_keep_end: 4,
        }
    }
}

impl MaskRules {
    pub fn mask_id(&self, id: &str) -> String {
        keep(id, self.id_keep_start, self.id_keep_end)
    }

    pub fn mask_bank(&self, account: &str) -> String {
        keep(account, 0, self.bank_keep_end)
    }

    pub fn mask_phone(&self, phone: &str) -> String {
        keep(phone, self.phone_keep_start, self.phone_keep_end)
    }
}

/// Keeps `start` leading and `end` trailing characters, stars in between. A value too short to
/// keep anything hidden is starred entirely: a rule must never reveal a whole number.
fn keep(value: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= start + end {
        return "*".repeat(chars.len());
    }
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < start || i >= chars.len() - end {
                *c
            } else {
                '*'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let rules = MaskRules::default();
        assert_eq!(rules.mask_id("36098219900101123X"), "36*************23X");
        assert_eq!(rules.mask_phone("13812341234"), "138****1234");
        assert_eq!(
            rules.mask_bank("6217001234567890123"),
            "***************0123"
        );
    }

    #[test]
    fn short_values_are_fully_hidden() {
        assert_eq!(MaskRules::default().mask_bank("1234"), "****");
    }
}
