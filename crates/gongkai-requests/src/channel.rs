//! How an application arrived, and its date of receipt under art. 31 of the 2019 条例.

use chrono::NaiveDate;

use crate::RequestError;

/// The way an application reached the township (条例第二十九条、第三十一条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// 当面提交: received the day it is handed in.
    InPerson,
    /// 信函（需签收）: received the day the township signs for it.
    MailSigned,
    /// 信函（无需签收的平常信函）: received the day the office confirms with the applicant.
    MailUnsigned,
    /// 互联网渠道: received the day both sides confirm.
    Online,
    /// 传真（本机关政府信息公开工作机构的传真）: received the day both sides confirm.
    Fax,
    /// 口头提出, the office filling in the form for the applicant (第二十九条第一款):
    /// received the day the form is filled in, as if handed in.
    Oral,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::InPerson,
        Channel::MailSigned,
        Channel::MailUnsigned,
        Channel::Online,
        Channel::Fax,
        Channel::Oral,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Channel::InPerson => "in_person",
            Channel::MailSigned => "mail_signed",
            Channel::MailUnsigned => "mail_unsigned",
            Channel::Online => "online",
            Channel::Fax => "fax",
            Channel::Oral => "oral",
        }
    }

    pub fn from_key(key: &str) -> Result<Channel, RequestError> {
        Channel::ALL
            .into_iter()
            .find(|c| c.key() == key)
            .ok_or_else(|| RequestError::Unknown {
                what: "申请渠道",
                value: key.to_owned(),
            })
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::InPerson => "当面提交",
            Channel::MailSigned => "信函（需签收）",
            Channel::MailUnsigned => "信函（平常信函，无需签收）",
            Channel::Online => "网络",
            Channel::Fax => "传真",
            Channel::Oral => "口头提出（代为填写申请）",
        }
    }

    /// Whether the date of receipt is a confirmation with the applicant rather than the day the
    /// application arrived (平常信函, 网络, 传真).
    pub fn needs_confirmation(self) -> bool {
        matches!(self, Channel::MailUnsigned | Channel::Online | Channel::Fax)
    }

    /// Art. 31's rule for this channel, for the register and the explanation of a due date.
    pub fn receipt_rule(self) -> &'static str {
        match self {
            Channel::InPerson => "当面提交的，以提交之日为收到申请之日（条例第三十一条第一项）",
            Channel::MailSigned => {
                "以邮寄方式提交、需由行政机关签收的，以签收之日为收到申请之日（条例第三十一条第二项）"
            }
            Channel::MailUnsigned => {
                "以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日（条例第三十一条第二项）"
            }
            Channel::Online | Channel::Fax => {
                "通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）"
            }
            Channel::Oral => {
                "口头提出、由工作人员代为填写申请的，以填写之日为收到申请之日（条例第二十九条第一款、第三十一条第一项）"
            }
        }
    }

    /// The date of receipt from the day the application arrived (handed in, signed for, filled
    /// in, or came in) and, for the channels that need one, the day of confirmation with the
    /// applicant.
    pub fn received_on(
        self,
        arrived_on: NaiveDate,
        confirmed_on: Option<NaiveDate>,
    ) -> Result<NaiveDate, RequestError> {
        if !self.needs_confirmation() {
            return match confirmed_on {
                Some(c) if c != arrived_on => Err(RequestError::Invalid(format!(
                    "{}的申请无需与申请人确认收到日期：{}",
                    self.label(),
                    self.receipt_rule()
                ))),
                _ => Ok(arrived_on),
            };
        }
        let Some(confirmed) = confirmed_on else {
            return Err(RequestError::Invalid(format!(
                "{}的申请须填写与申请人确认的日期：{}",
                self.label(),
                self.receipt_rule()
            )));
        };
        if confirmed < arrived_on {
            return Err(RequestError::OutOfOrder(format!(
                "确认日期 {confirmed} 早于申请到达日期 {arrived_on}"
            )));
        }
        Ok(confirmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn receipt_day_follows_article_31_per_channel() {
        let arrived = date(2025, 3, 3);
        let confirmed = date(2025, 3, 5);
        assert_eq!(Channel::InPerson.received_on(arrived, None), Ok(arrived));
        assert_eq!(Channel::MailSigned.received_on(arrived, None), Ok(arrived));
        assert_eq!(Channel::Oral.received_on(arrived, None), Ok(arrived));
        for channel in [Channel::MailUnsigned, Channel::Online, Channel::Fax] {
            assert_eq!(channel.received_on(arrived, Some(confirmed)), Ok(confirmed));
            assert!(channel.received_on(arrived, None).is_err());
            assert!(matches!(
                channel.received_on(confirmed, Some(arrived)),
                Err(RequestError::OutOfOrder(_))
            ));
        }
        assert!(
            Channel::InPerson
                .received_on(arrived, Some(confirmed))
                .is_err()
        );
    }

    #[test]
    fn keys_round_trip() {
        for channel in Channel::ALL {
            assert_eq!(Channel::from_key(channel.key()), Ok(channel));
        }
        assert!(Channel::from_key("email").is_err());
    }
}
