//! A clerk's text where it is shown beyond the clerk's own screen. A resident ID number typed
//! into free text (a record's body, a scan saved under the holder's number) is the clerk's slip:
//! the county refuses such an entry as `unmasked_data` and the board will not post it, so the
//! other places that show the text mask it.

/// `text` with every long number masked (as import messages are) when it holds a full resident
/// ID number; any other text as written, its phone numbers whole.
pub(crate) fn masked_if_id(text: String) -> String {
    if gongkai_sync::check::find_id_number_in_text(&text).is_some() {
        gongkai_payouts::scrub(&text)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::masked_if_id;

    #[test]
    fn only_a_text_with_an_id_number_is_masked() {
        let phone = "联系电话 13800000000，0999-1234567".to_owned();
        assert_eq!(masked_if_id(phone.clone()), phone);
        let typed = masked_if_id("张伟（11010519491231002X，电话 13800000000）".to_owned());
        assert!(!typed.contains("11010519491231002X"), "{typed}");
        assert!(!typed.contains("13800000000"), "{typed}");
        let spaced = masked_if_id("身份证 110105\u{3000}19491231\u{3000}002X".to_owned());
        assert!(!spaced.contains("19491231"), "{spaced}");
    }
}
