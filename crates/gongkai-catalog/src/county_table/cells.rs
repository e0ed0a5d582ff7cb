//! Reading the marked cells of a county table: tick columns (√ ✓ ● ■ or words) and the
//! 公开渠道和载体 cell (■/□ boxes, or the chosen channels written out).

use crate::{Audience, Channel, Level, Mode};

/// Marks counties tick a column with.
const TICKS: &[&str] = &[
    "√", "✓", "✔", "☑", "✅", "●", "■", "◆", "★", "▲", "v", "V", "是", "Y", "y", "有", "1",
];
/// What an unticked cell holds besides nothing.
const NOT_TICKED: &[&str] = &[
    "×", "✗", "✘", "x", "X", "否", "无", "/", "／", "—", "-", "－", "○", "〇", "□", "N", "n", "0",
];

/// What one tick cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TickCell {
    Ticked,
    NotTicked,
    /// Words in the cell (“教师”, “面向拟征收土地所在地的村集体成员”): ticked, and the words kept
    /// for the clerk to see, since the item has no place for them.
    TickedWithWords(String),
}

/// A cell of the column of one value (全社会, 主动, 乡级…): a mark, the value's own name, or words.
pub(crate) fn tick_cell(text: &str, label: &str) -> TickCell {
    // An emoji's variation selector (✔️, ☑️) is no part of the mark.
    let text = text.trim().trim_matches('\u{fe0f}');
    let marks_only = text
        .chars()
        .all(|c| TICKS.contains(&c.to_string().as_str()));
    if text.is_empty() || NOT_TICKED.contains(&text) || text.starts_with(['不', '无', '否', '非'])
    {
        TickCell::NotTicked
    } else if TICKS.contains(&text) || marks_only || text.contains(label) || label.contains(text) {
        TickCell::Ticked
    } else {
        TickCell::TickedWithWords(text.to_owned())
    }
}

/// The values a single 公开对象/公开方式/公开层级 column names in words (“全社会”, “主动公开”,
/// “县级、乡级”). `None` when the text names none of them.
pub(crate) fn audiences_in(text: &str) -> Option<Vec<Audience>> {
    let mut found = Vec::new();
    if text.contains("全社会") || text.contains("社会公众") {
        found.push(Audience::Public);
    }
    if text.contains("特定") {
        found.push(Audience::Specific);
    }
    (!found.is_empty()).then_some(found)
}

pub(crate) fn modes_in(text: &str) -> Option<Vec<Mode>> {
    let mut found = Vec::new();
    if text.contains("主动") {
        found.push(Mode::Active);
    }
    if text.contains("依申请") {
        found.push(Mode::OnRequest);
    }
    (!found.is_empty()).then_some(found)
}

pub(crate) fn levels_in(text: &str) -> Option<Vec<Level>> {
    let mut found = Vec::new();
    // “县级、乡级”, “县（区）级和乡镇级”: split where a level ends.
    for part in text.split(['、', '，', ',', '；', ';', '和', '及', '/', '\n', ' ']) {
        for level in levels_named(part) {
            if !found.contains(&level) {
                found.push(level);
            }
        }
    }
    found.sort();
    (!found.is_empty()).then_some(found)
}

/// The levels one part of a cell names: both in “县乡两级”, “县镇级”, “区、街道” written
/// together (a county word before a township word), else the one [`level_named`] reads.
fn levels_named(part: &str) -> Vec<Level> {
    // 社区 is a township word that holds 区.
    let part = part.replace("社区", "村");
    let county = part.find(['县', '区', '市']);
    let township = ["乡", "镇", "街道", "村"]
        .iter()
        .filter_map(|w| part.find(w))
        .min();
    match (county, township) {
        (Some(c), Some(t)) if c < t => vec![Level::County, Level::Township],
        _ => level_named(&part).into_iter().collect(),
    }
}

/// 县级, 区级, 市县级 → county; 乡级, 镇级, 乡、村级, 街道 → township.
pub(crate) fn level_named(text: &str) -> Option<Level> {
    let text = text.trim();
    if text.is_empty() {
        None
    } else if ["乡", "镇", "街道", "村"].iter().any(|w| text.contains(w)) {
        Some(Level::Township)
    } else if ["县", "区", "市"].iter().any(|w| text.contains(w)) {
        Some(Level::County)
    } else {
        None
    }
}

/// Other ways counties write a standard channel.
const CHANNEL_ALIASES: &[(&str, Channel)] = &[
    ("纸质载体", Channel::Print),
    ("报刊", Channel::Print),
    ("宣传册", Channel::Print),
    ("宣传单", Channel::Print),
    ("明白纸", Channel::Print),
    ("门户网站", Channel::GovWebsite),
    ("服务大厅", Channel::ServiceCenter),
    ("显示屏", Channel::NoticeBoard),
    ("新媒体", Channel::WeiboWechatApp),
    ("公众号", Channel::WeiboWechatApp),
    ("政府服务中心", Channel::ServiceCenter),
    ("政务大厅", Channel::ServiceCenter),
    ("便民服务中心", Channel::ServiceStation),
    ("公示栏", Channel::NoticeBoard),
    ("公开栏", Channel::NoticeBoard),
    ("电子屏", Channel::NoticeBoard),
    ("微信", Channel::WeiboWechatApp),
    ("微博", Channel::WeiboWechatApp),
    ("客户端", Channel::WeiboWechatApp),
    ("发布会", Channel::PressHearing),
    ("听证会", Channel::PressHearing),
    ("入户", Channel::DoorToDoor),
    ("现场", Channel::DoorToDoor),
    ("广播", Channel::RadioTv),
    ("电视", Channel::RadioTv),
];

/// Where a channel's name stood in a cell's text, once found.
const FOUND: &str = "\u{1}";

/// The channels a cell chooses, in national order, and the words of channels outside the
/// standard list (kept as 其他 with their words).
pub(crate) fn channels_in(text: &str) -> (Vec<Channel>, String) {
    let text = text.trim();
    let boxed = text.contains('■') || text.contains('□') || text.contains('☑');
    let chosen: Vec<String> = if boxed {
        // Each box starts an entry; only the ticked ones count.
        let mut entries = Vec::new();
        let mut current: Option<(bool, String)> = None;
        for c in text.chars() {
            match c {
                '■' | '☑' | '□' => {
                    if let Some(entry) = current.take() {
                        entries.push(entry);
                    }
                    current = Some((c != '□', String::new()));
                }
                other => {
                    if let Some((_, words)) = current.as_mut() {
                        words.push(other);
                    }
                }
            }
        }
        entries.extend(current);
        entries
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, words)| words)
            .collect()
    } else {
        vec![text.to_owned()]
    };
    let mut channels = Vec::new();
    let mut others = Vec::new();
    for entry in chosen {
        let mut rest = entry.clone();
        // Longest labels first, so 政务服务中心 is not taken for a shorter name inside it.
        let mut names: Vec<(&str, Channel)> = Channel::ALL
            .iter()
            .filter(|c| **c != Channel::Other)
            .map(|c| (c.label(), *c))
            .chain(CHANNEL_ALIASES.iter().copied())
            .collect();
        names.sort_by_key(|(name, _)| std::cmp::Reverse(name.chars().count()));
        for (name, channel) in names {
            if rest.contains(name) {
                rest = rest.replace(name, FOUND);
                if !channels.contains(&channel) {
                    channels.push(channel);
                }
            }
        }
        let rest = rest.replace("其他", " ");
        // Words around a channel found (“村务”公开栏, “政务”微博, “镇”政府网站, 政府网站“和”
        // 微信) qualify it: only words standing alone are channels of their own.
        let leftover: Vec<&str> = rest
            .split(|c: char| c.is_whitespace() || "、，,；;。/：:".contains(c))
            .filter(|w| !w.contains(FOUND))
            .map(|w| w.trim_matches(|c: char| "（）()".contains(c)))
            .filter(|w| !w.is_empty())
            .collect();
        if !leftover.is_empty() {
            others.push(leftover.join("、"));
        } else if entry.contains("其他") && !channels.contains(&Channel::Other) {
            channels.push(Channel::Other);
        }
    }
    if !others.is_empty() && !channels.contains(&Channel::Other) {
        channels.push(Channel::Other);
    }
    channels.sort();
    (channels, others.join("、"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_marks_or_the_values_own_name() {
        for mark in ["√", "✓", "●", "■", " √ ", "是"] {
            assert_eq!(tick_cell(mark, "全社会"), TickCell::Ticked, "{mark}");
        }
        assert_eq!(tick_cell("全社会", "全社会"), TickCell::Ticked);
        assert_eq!(tick_cell("主动公开", "主动"), TickCell::Ticked);
        assert_eq!(
            tick_cell("1", "乡级"),
            TickCell::Ticked,
            "a flag typed as 1"
        );
        for mark in ["√√", "✔\u{fe0f}", "☑\u{fe0f}", "✅"] {
            assert_eq!(tick_cell(mark, "主动"), TickCell::Ticked, "{mark}");
        }
        for blank in ["", "  ", "×", "/", "—", "0", "x", "〇", "不公开", "无需"] {
            assert_eq!(tick_cell(blank, "全社会"), TickCell::NotTicked, "{blank}");
        }
        assert_eq!(
            tick_cell("教师", "特定群体"),
            TickCell::TickedWithWords("教师".to_owned())
        );
    }

    #[test]
    fn levels_in_words() {
        assert_eq!(
            levels_in("县级、乡级"),
            Some(vec![Level::County, Level::Township])
        );
        assert_eq!(levels_in("乡、村级"), Some(vec![Level::Township]));
        for both in [
            "县乡两级",
            "县、乡两级",
            "县（区）、乡镇（街道）",
            "区街道两级",
        ] {
            assert_eq!(
                levels_in(both),
                Some(vec![Level::County, Level::Township]),
                "{both}"
            );
        }
        assert_eq!(levels_in("乡镇（街道）级"), Some(vec![Level::Township]));
        assert_eq!(levels_in("社区"), Some(vec![Level::Township]));
        assert_eq!(levels_in("县（市、区）级"), Some(vec![Level::County]));
        assert_eq!(levels_in("县（区）级"), Some(vec![Level::County]));
        assert_eq!(levels_in("见附件"), None);
        assert_eq!(modes_in("主动公开"), Some(vec![Mode::Active]));
        assert_eq!(audiences_in("特定群众"), Some(vec![Audience::Specific]));
    }

    #[test]
    fn boxed_channels_count_only_when_ticked() {
        let (channels, other) = channels_in(
            "■政府网站 □政府公报 ■公开查阅点\n■社区/企事业单位/村公示栏（电子屏） □精准推送 ■征地信息公开平台",
        );
        assert_eq!(
            channels,
            vec![
                Channel::GovWebsite,
                Channel::ReadingPoint,
                Channel::NoticeBoard,
                Channel::Other
            ]
        );
        assert_eq!(other, "征地信息公开平台");
    }

    #[test]
    fn channels_written_out_are_found_by_name() {
        let (channels, other) = channels_in("政府网站、政务服务中心、便民服务站、入户/现场");
        assert_eq!(
            channels,
            vec![
                Channel::GovWebsite,
                Channel::ServiceCenter,
                Channel::ServiceStation,
                Channel::DoorToDoor
            ]
        );
        assert_eq!(other, "");
        let (channels, other) = channels_in("政府网站、12345政务服务热线");
        assert_eq!(channels, vec![Channel::GovWebsite, Channel::Other]);
        assert_eq!(other, "12345政务服务热线");
        let (channels, other) = channels_in(
            "镇政府门户网站、政务微博、微信公众号、村（居）务公开栏、新闻发布会、政务服务大厅、宣传册",
        );
        assert_eq!(
            channels,
            vec![
                Channel::GovWebsite,
                Channel::WeiboWechatApp,
                Channel::PressHearing,
                Channel::Print,
                Channel::ServiceCenter,
                Channel::NoticeBoard
            ]
        );
        assert_eq!(other, "", "the words around a channel are not channels");
        let (channels, other) = channels_in("政府网站和微信，其他（人社APP）");
        assert_eq!(
            channels,
            vec![Channel::GovWebsite, Channel::WeiboWechatApp, Channel::Other]
        );
        assert_eq!(other, "人社APP");
    }
}
