//! Which domain (领域) a county table means: a 领域 cell, a sheet's name, a title above the
//! header or a section row names one of the domains the township knows, written the county's
//! way (“社会救助领域”, “征地补偿” for 征地补偿（农村集体土地征收）, “乡村振兴” for
//! 扶贫（乡村振兴）).

/// The comparable form of a domain name: no spaces, half-width brackets, no leading numbering
/// (“一、”, “（三）”, “12.”) and no trailing “领域”.
fn normalized(name: &str) -> String {
    let mut text: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect();
    let numbering: &[char] = &[
        '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '0', '1', '2', '3', '4', '5',
        '6', '7', '8', '9', '(', ')', '、', '.', '．',
    ];
    let stripped = text.trim_start_matches(numbering);
    if stripped.len() < text.len() && !stripped.is_empty() {
        text = stripped.to_owned();
    }
    text.strip_suffix("领域").unwrap_or(&text).to_owned()
}

/// The names a known domain answers to: its whole name, and for “A（B）” also A and B.
fn aliases(known: &str) -> Vec<String> {
    let whole = normalized(known);
    let mut names = vec![whole.clone()];
    if let Some((base, rest)) = whole.split_once('(') {
        names.push(base.to_owned());
        names.push(rest.trim_end_matches(')').to_owned());
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The known domain `name` means, if it means one: one of its names, or a shortening of
/// exactly one known name (“国有土地上房屋征收”, “食品药品”, “危房改造”; three characters at
/// least, so “社会” stays ambiguous).
pub(crate) fn matching(name: &str, known: &[String]) -> Option<String> {
    let wanted = normalized(name);
    if let Some(exact) = known.iter().find(|k| aliases(k).contains(&wanted)) {
        return Some(exact.clone());
    }
    if wanted.chars().count() < 3 {
        return None;
    }
    let mut shortened = known
        .iter()
        .filter(|k| aliases(k).iter().any(|a| a.contains(wanted.as_str())));
    match (shortened.next(), shortened.next()) {
        (Some(only), None) => Some(only.clone()),
        _ => None,
    }
}

/// The known domain named inside a longer text (a title “示范镇社会救助领域基层政务公开标准目录”,
/// a sheet name “20社会救助”): the longest name found, so 社会救助 is not read as a shorter one.
pub(crate) fn named_in(text: &str, known: &[String]) -> Option<String> {
    let text = normalized(text);
    known
        .iter()
        .flat_map(|k| aliases(k).into_iter().map(move |a| (a, k)))
        .filter(|(alias, _)| alias.chars().count() >= 2 && text.contains(alias.as_str()))
        .max_by_key(|(alias, _)| alias.chars().count())
        .map(|(_, k)| k.clone())
}

/// The known domain closest to `name` by edit distance (over characters), offered as “是否为”.
pub(crate) fn nearest(name: &str, known: &[String]) -> Option<String> {
    let wanted: Vec<char> = normalized(name).chars().collect();
    known
        .iter()
        .flat_map(|k| aliases(k).into_iter().map(move |a| (a, k)))
        .map(|(alias, k)| {
            let alias: Vec<char> = alias.chars().collect();
            (distance(&wanted, &alias), k)
        })
        .filter(|(d, _)| *d <= wanted.len().max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.clone())
}

/// Levenshtein distance.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        [
            "社会救助",
            "社会保险",
            "扶贫（乡村振兴）",
            "征地补偿（农村集体土地征收）",
            "就业",
        ]
        .map(str::to_owned)
        .to_vec()
    }

    #[test]
    fn county_spellings_of_a_domain_match_it() {
        let k = known();
        assert_eq!(matching("社会救助领域", &k).as_deref(), Some("社会救助"));
        assert_eq!(matching(" 二、社会保险 ", &k).as_deref(), Some("社会保险"));
        assert_eq!(
            matching("乡村振兴", &k).as_deref(),
            Some("扶贫（乡村振兴）")
        );
        assert_eq!(
            matching("征地补偿", &k).as_deref(),
            Some("征地补偿（农村集体土地征收）")
        );
        assert_eq!(matching("社会", &k), None);
        assert_eq!(
            matching("农村集体土地", &k).as_deref(),
            Some("征地补偿（农村集体土地征收）")
        );
        assert_eq!(matching("社会保", &k).as_deref(), Some("社会保险"));
        assert_eq!(matching("社会救", &k).as_deref(), Some("社会救助"));
        assert_eq!(matching("社会就业", &k), None, "no known name holds it");
    }

    #[test]
    fn a_title_names_the_longest_domain_in_it() {
        let k = known();
        assert_eq!(
            named_in("示范镇社会救助领域基层政务公开标准目录", &k).as_deref(),
            Some("社会救助")
        );
        assert_eq!(named_in("示范镇基层政务公开标准目录", &k), None);
        assert_eq!(named_in("Sheet1", &k), None);
    }

    #[test]
    fn an_unknown_name_gets_the_nearest_known_one() {
        let k = known();
        assert_eq!(nearest("社会求助", &k).as_deref(), Some("社会救助"));
        assert_eq!(nearest("就叶", &k).as_deref(), Some("就业"));
    }
}
