//! The 待办 home's 规范性文件 rows: a document due in this year's 清理 round and not decided is
//! a row opening the documents screen's 清理 list; decided, it leaves the home. The lived-in demo
//! shows its undecided ones.

mod support;

use chrono::{Datelike, Local};
use gongkai_api::wire::{
    CleanupDecideArgs, CleanupDecision, DocumentInput, DocumentKind, NoArgs, TodoKind,
};
use tempfile::TempDir;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn document(number: &str, title: &str, issued_on: String) -> DocumentInput {
    DocumentInput {
        id: None,
        kind: DocumentKind::Normative,
        doc_number: Some(number.to_owned()),
        title: title.to_owned(),
        issuer: "示范镇人民政府".to_owned(),
        issued_on,
        effective_on: None,
        valid_until: None,
        body: "第一条 为规范农村集体“三资”管理，制定本办法。".to_owned(),
        needs_interpretation: false,
        record_id: None,
    }
}

#[test]
fn documents_due_for_cleanup_are_on_the_todo_home_until_decided() -> TestResult {
    let dir = TempDir::new()?;
    let api = support::demo(&dir);
    let year = Local::now().date_naive().year();
    // Five years is the default rule: six years old is due this year, last year's is not.
    let old = api
        .document_save(document(
            "示政发〔2019〕5号",
            "示范镇农村集体三资管理办法",
            format!("{}-04-10", year - 6),
        ))?
        .document
        .summary
        .id;
    api.document_save(document(
        "示政发〔2025〕1号",
        "示范镇村级公益事业建设办法",
        format!("{}-03-01", year - 1),
    ))?;

    let rows =
        |api: &gongkai_api::Api| -> Result<Vec<gongkai_api::wire::TodoRow>, gongkai_api::ApiError> {
            Ok(api
                .home_todo(NoArgs {})?
                .rows
                .into_iter()
                .filter(|r| r.kind == TodoKind::DocumentCleanup)
                .collect())
        };
    let due = rows(&api)?;
    assert_eq!(due.len(), 1, "{due:#?}");
    assert_eq!(
        due[0].title,
        "《示范镇农村集体三资管理办法》（示政发〔2019〕5号）"
    );
    assert_eq!(
        due[0].detail,
        format!("{year} 年度清理：自 {}-04-10 施行已满 5 年", year - 6)
    );
    assert_eq!(due[0].screen, "/documents?tab=cleanup");
    assert_eq!(due[0].target_id.as_deref(), Some(old.as_str()));

    api.document_cleanup_decide(CleanupDecideArgs {
        document_id: old,
        year: Some(year),
        decision: CleanupDecision::Keep,
        decided_on: None,
        decided_by: "镇政府常务会议".to_owned(),
        note: None,
        changed_by: None,
    })?;
    assert!(rows(&api)?.is_empty(), "a decided document leaves the home");
    Ok(())
}

#[test]
fn the_lived_in_demo_shows_its_undecided_cleanup_on_the_home() -> TestResult {
    let dir = TempDir::new()?;
    let api = gongkai_api::Api::new(dir.path().join("lived.sqlite3"));
    api.setup_demo_lived_in(NoArgs {})?;
    let round = api.documents_cleanup(gongkai_api::wire::DocumentCleanupArgs::default())?;
    let rows: Vec<_> = api
        .home_todo(NoArgs {})?
        .rows
        .into_iter()
        .filter(|r| r.kind == TodoKind::DocumentCleanup)
        .collect();
    assert!(round.undecided > 0, "the demo's library has documents due");
    assert_eq!(rows.len(), round.undecided as usize, "{rows:#?}");
    let undecided: Vec<&str> = round
        .rows
        .iter()
        .filter(|r| r.decision.is_none())
        .map(|r| r.document.id.as_str())
        .collect();
    assert!(rows.iter().all(|r| {
        r.target_id
            .as_deref()
            .is_some_and(|id| undecided.contains(&id))
    }));
    Ok(())
}
