//! Requests (依申请公开) as the report tests make them: registered, then replied and taken
//! through 三审 and 保密审查 to 定稿 by the demo township's people.

use gongkai_api::Api;
use gongkai_api::wire::{
    IdArgs, NoArgs, RequestInput, RequestReplyArgs, RequestReviewArgs, RequestSecrecyArgs,
    SecrecyAnswer,
};

/// The id of the demo township's person named `name`.
pub fn person(api: &Api, name: &str) -> String {
    let profile = api.profile_get(NoArgs {}).unwrap();
    profile
        .people
        .iter()
        .find(|p| p.name == name)
        .unwrap()
        .id
        .clone()
}

/// The three signers (拟稿, 审核, 签发) of the demo township; the second also checks secrecy.
pub fn signers(api: &Api) -> [String; 3] {
    ["李明", "王芳", "张建国"].map(|name| person(api, name))
}

/// Registers the `n`-th request, from an applicant of `kind`, and returns its id.
pub fn add(api: &Api, n: usize, kind: &str, arrived_on: &str) -> String {
    api.requests_add(RequestInput {
        channel: "in_person".to_owned(),
        arrived_on: arrived_on.to_owned(),
        confirmed_on: None,
        applicant_kind: kind.to_owned(),
        applicant_name: format!("申请人{n}"),
        contact: "13800000000".to_owned(),
        address: "示范镇示范村".to_owned(),
        id_number: None,
        subject: format!("第{n}项信息"),
        description: "用于核对".to_owned(),
        form_wanted: "纸质".to_owned(),
    })
    .unwrap()
    .summary
    .id
}

/// Replies and takes the reply through 三审 and 保密审查 to 定稿.
pub fn answer(
    api: &Api,
    id: &str,
    outcome: &str,
    ground: Option<&str>,
    on: &str,
    people: &[String; 3],
) {
    api.requests_reply(RequestReplyArgs {
        id: id.to_owned(),
        outcome: outcome.to_owned(),
        ground: ground.map(str::to_owned),
        note: "依法答复".to_owned(),
        replied_on: Some(on.to_owned()),
    })
    .unwrap_or_else(|e| panic!("{outcome}/{ground:?}: {}", e.message));
    through_the_gate(api, id, on, people);
}

/// 三审 by the demo township's three people and a clean 保密审查 on `on`, then 定稿.
pub fn finalize(api: &Api, id: &str, on: &str) {
    through_the_gate(api, id, on, &signers(api));
}

/// 三审 by `people`, the second also checking secrecy (nothing of concern), then 定稿.
fn through_the_gate(api: &Api, id: &str, on: &str, people: &[String; 3]) {
    for (stage, who) in ["draft", "review", "approve"].into_iter().zip(people) {
        api.requests_review(RequestReviewArgs {
            id: id.to_owned(),
            stage: stage.to_owned(),
            person_id: who.clone(),
            decided_on: Some(on.to_owned()),
            opinion: "同意".to_owned(),
            passed: true,
        })
        .unwrap();
    }
    let options = api.requests_options(NoArgs {}).unwrap();
    api.requests_secrecy(RequestSecrecyArgs {
        id: id.to_owned(),
        reviewer_id: people[1].clone(),
        decided_on: Some(on.to_owned()),
        answers: options
            .secrecy_questions
            .iter()
            .map(|q| SecrecyAnswer {
                key: q.key.clone(),
                concern: false,
            })
            .collect(),
        opinion: String::new(),
    })
    .unwrap();
    api.requests_finalize(IdArgs { id: id.to_owned() }).unwrap();
}
