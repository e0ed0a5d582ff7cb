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
    /// A township's own rule, refused if it could reveal too much: the birth date inside an ID
    /// (characters 7–14) always stays hidden, and at most 4 trailing digits of an account or a
    /// phone number, and 3 leading digits of a phone number, are shown.
    pub fn new(
        id_keep_start: usize,
        id_keep_end: usize,
        bank_keep_end: usize,
        phone_keep_start: usize,
        phone_keep_end: usize,
    ) -> Result<Self, String> {
        if id_keep_start > 6 || id_keep_end > 4 {
            return Err("身份证号最多保留前 6 位和后 4 位，出生日期必须隐去".to_owned());
        }
        if bank_keep_end > 4 {
            return Err("银行账号最多保留后 4 位".to_owned());
        }
        if phone_keep_start > 3 || phone_keep_end > 4 {
            return Err("电话号码最多保留前 3 位和后 4 位".to_owned());
        }
        Ok(Self {
            id_keep_start,
            id_keep_end,
            bank_keep_end,
            phone_keep_start,
            phone_keep_end,
        })
    }

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
    fn a_rule_that_would_show_the_birth_date_is_refused() {
        assert!(MaskRules::new(6, 4, 4, 3, 4).is_ok());
        assert!(MaskRules::new(7, 3, 4, 3, 4).is_err());
        assert!(MaskRules::new(2, 5, 4, 3, 4).is_err());
        assert_eq!(
            MaskRules::new(6, 4, 4, 3, 4)
                .unwrap()
                .mask_id("36098219900101123X"),
            "360982********123X"
        );
    }

    #[test]
    fn short_values_are_fully_hidden() {
        assert_eq!(MaskRules::default().mask_bank("1234"), "****");
    }
}
