//! 信息处理费 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号): 按件 or 按量, both
//! charged only above a threshold and at rising rates (超额累进). One method per request.

use crate::RequestError;

/// How the fee is computed for one request; never both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeeMethod {
    /// 按件: by the applicant's requests in one calendar month.
    PerRequest,
    /// 按量: by the pages of this request (one side of A4 or smaller is a page).
    PerPage,
}

impl FeeMethod {
    pub const ALL: [FeeMethod; 2] = [FeeMethod::PerRequest, FeeMethod::PerPage];

    pub fn key(self) -> &'static str {
        match self {
            FeeMethod::PerRequest => "per_request",
            FeeMethod::PerPage => "per_page",
        }
    }

    pub fn from_key(key: &str) -> Result<FeeMethod, RequestError> {
        FeeMethod::ALL
            .into_iter()
            .find(|m| m.key() == key)
            .ok_or_else(|| RequestError::Unknown {
                what: "收费方式",
                value: key.to_owned(),
            })
    }

    pub fn label(self) -> &'static str {
        match self {
            FeeMethod::PerRequest => "按件计收",
            FeeMethod::PerPage => "按量计收",
        }
    }
}

/// A computed fee: the amount in fen and how it was reached, in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeQuote {
    pub method: FeeMethod,
    pub amount_fen: i64,
    pub explanation: String,
}

const YUAN: i64 = 100;

/// 按件: the fee of the applicant's `nth` request of the calendar month (1 = the first).
/// 1–10 free; 11–30 100元 each; from 31 in bands of ten, each band 100元 more (31–40 200元,
/// 41–50 300元…).
pub fn per_request(nth_in_month: u32) -> FeeQuote {
    let yuan: i64 = match nth_in_month {
        0..=10 => 0,
        11..=30 => 100,
        n => 100 * (1 + i64::from((n - 31) / 10 + 1)),
    };
    let explanation = if yuan == 0 {
        format!("本月第 {nth_in_month} 件申请，同一申请人一个自然月内累计 10 件以下（含）的不收费")
    } else {
        format!(
            "本月第 {nth_in_month} 件申请，按件超额累进计收 {yuan} 元（11–30 件每件 100 元，超过 30 件的每 10 件为一档、每档每件增加 100 元）"
        )
    };
    FeeQuote {
        method: FeeMethod::PerRequest,
        amount_fen: yuan * YUAN,
        explanation,
    }
}

/// 按量: the fee of one request of `pages` pages. 30 pages or fewer free; pages 31–100 10元
/// each; 101–200 20元 each; from 201 40元 each.
pub fn per_page(pages: u32) -> FeeQuote {
    let pages_in = |from: u32, to: u32| i64::from(pages.min(to).saturating_sub(from - 1));
    let yuan = pages_in(31, 100) * 10 + pages_in(101, 200) * 20 + pages_in(201, u32::MAX) * 40;
    let explanation = if yuan == 0 {
        format!("共 {pages} 页，30 页以下（含）的不收费")
    } else {
        format!(
            "共 {pages} 页，按量超额累进计收 {yuan} 元（31–100 页每页 10 元，101–200 页每页 20 元，超过 200 页的每页 40 元）"
        )
    };
    FeeQuote {
        method: FeeMethod::PerPage,
        amount_fen: yuan * YUAN,
        explanation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_request_bands() {
        let yuan = |n| per_request(n).amount_fen / 100;
        assert_eq!([yuan(1), yuan(10), yuan(11), yuan(30)], [0, 0, 100, 100]);
        assert_eq!(
            [yuan(31), yuan(40), yuan(41), yuan(50), yuan(51)],
            [200, 200, 300, 300, 400]
        );
    }

    #[test]
    fn per_page_is_progressive() {
        let yuan = |n| per_page(n).amount_fen / 100;
        assert_eq!(yuan(30), 0);
        assert_eq!(yuan(31), 10);
        assert_eq!(yuan(100), 700);
        assert_eq!(yuan(150), 700 + 50 * 20);
        assert_eq!(yuan(201), 700 + 2000 + 40);
    }
}
