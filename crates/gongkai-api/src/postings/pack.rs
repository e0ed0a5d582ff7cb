//! A round's board packs: per board, the 张贴示意图 (the board to scale, each sheet's numbered
//! place), the sheets in zone order and the 张贴回执 to sign — one PDF per village, or every
//! pack bound in one file with bookmarks. Each posting printed is 已打印 with its sheet as printed
//! kept (`posting_file`), which sync uploads.

use std::path::PathBuf;

use gongkai_domain::RowId;
use gongkai_print::{
    BoardDiagram, BoardPack, DiagramSheet, DiagramZone, PackSheet, PostingReceipt,
    render_board_pack, render_board_packs,
};
use gongkai_store::{Judge, PostingChange, PostingFile, PostingFilter, Store, StoredPosting};
use sha2::{Digest, Sha256};

use crate::commands::{hex, non_blank};
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

use super::sheet::{file_name, pack_sheet, render_sheet};
use super::{lifecycle_judge, photos_of, today};

/// One board's part of a round as read from the store: what rendering needs, nothing more.
struct Gathered {
    village: String,
    board: String,
    township_board: bool,
    width_mm: u32,
    height_mm: u32,
    zones: Vec<DiagramZone>,
    /// (posting, file name, zone index, the sheet laid out), in zone order.
    sheets: Vec<(StoredPosting, String, usize, PackSheet)>,
}

/// One board's part of a round, rendered: its pack and each sheet's file as printed.
struct LaidOut {
    village: String,
    pack: BoardPack,
    /// The pack as its own PDF, when one file per village is asked for.
    pdf: Option<Vec<u8>>,
    files: Vec<(RowId, PostingFile)>,
}

/// The postings of `round` still to print (草稿, or 已打印 to print again), grouped by board in
/// village, board and zone order.
fn to_print(store: &Store, round: &str) -> Result<Vec<Vec<StoredPosting>>, ApiError> {
    let postings = store.board_postings(&PostingFilter {
        round: Some(round.to_owned()),
        ..PostingFilter::default()
    })?;
    let mut boards: Vec<Vec<StoredPosting>> = Vec::new();
    for posting in postings
        .into_iter()
        .filter(|p| p.status == "draft" || p.status == "printed")
    {
        match boards.last_mut() {
            Some(last) if last[0].board_id == posting.board_id => last.push(posting),
            _ => boards.push(vec![posting]),
        }
    }
    if boards.is_empty() {
        return Err(ApiError::invalid(format!(
            "“{round}”没有待打印的张贴（草稿或已打印的）"
        )));
    }
    Ok(boards)
}

fn page_count(pdf: &[u8]) -> Result<u32, ApiError> {
    let document = lopdf::Document::load_mem(pdf)
        .map_err(|e| ApiError::internal(format!("打印的公示单无法读回：{e}")))?;
    Ok(u32::try_from(document.get_pages().len()).unwrap_or(u32::MAX))
}

fn gather(
    store: &Store,
    township: &str,
    postings: Vec<StoredPosting>,
) -> Result<Gathered, ApiError> {
    let first = &postings[0];
    let layout = store.board_layout(first.board_id, Some(first.layout_version))?;
    let zones = layout
        .zones
        .iter()
        .map(|z| DiagramZone {
            name: z.zone.name.clone(),
            x_mm: z.zone.rect.x.get(),
            y_mm: z.zone.rect.y.get(),
            width_mm: z.zone.rect.width.get(),
            height_mm: z.zone.rect.height.get(),
        })
        .collect();
    let village = first
        .village_name
        .clone()
        .unwrap_or_else(|| township.to_owned());
    let (board, township_board) = (first.board_name.clone(), first.village_id.is_none());
    let mut sheets = Vec::with_capacity(postings.len());
    for posting in postings {
        let zone = layout
            .zones
            .iter()
            .position(|z| z.id == posting.zone_id)
            .ok_or_else(|| {
                ApiError::internal(format!("版面中找不到版块“{}”", posting.zone_name))
            })?;
        let sheet = pack_sheet(store, &posting)?;
        let name = file_name(&posting);
        sheets.push((posting, name, zone, sheet));
    }
    Ok(Gathered {
        village,
        board,
        township_board,
        width_mm: layout.width.get(),
        height_mm: layout.height.get(),
        zones,
        sheets,
    })
}

/// Renders each sheet alone (the file kept, its page count placed on the diagram), then the
/// board's pack when `own_pdf`. No store: boards render side by side.
fn render(gathered: Gathered, round: &str, own_pdf: bool) -> Result<LaidOut, ApiError> {
    let mut sheets = Vec::with_capacity(gathered.sheets.len());
    let mut diagram_sheets = Vec::with_capacity(gathered.sheets.len());
    let mut files = Vec::with_capacity(gathered.sheets.len());
    for (posting, name, zone, sheet) in gathered.sheets {
        let pdf = render_sheet(&sheet)?;
        diagram_sheets.push(DiagramSheet {
            zone,
            title: posting.title.clone(),
            register_no: posting.register_no.clone(),
            paper: match &sheet {
                PackSheet::Notice(n) => n.paper,
                PackSheet::Table { sheet, .. } => sheet.paper,
            },
            pages: page_count(&pdf)?,
        });
        files.push((
            posting.id,
            PostingFile {
                file_name: name,
                sha256: hex(&Sha256::digest(&pdf)),
                content: pdf,
            },
        ));
        sheets.push(sheet);
    }
    let diagram = BoardDiagram {
        village: gathered.village.clone(),
        board: gathered.board,
        round: round.to_owned(),
        width_mm: gathered.width_mm,
        height_mm: gathered.height_mm,
        zones: gathered.zones,
        sheets: diagram_sheets,
        paper: gongkai_print::Paper::A4Landscape,
    };
    let mut receipt = PostingReceipt::from_diagram(&diagram);
    if gathered.township_board {
        receipt.countersigner = "政务公开工作分管负责人".to_owned();
    }
    let pack = BoardPack {
        diagram,
        sheets,
        receipt,
    };
    let pdf = if own_pdf {
        Some(render_board_pack(&pack)?)
    } else {
        None
    };
    Ok(LaidOut {
        village: gathered.village,
        pack,
        pdf,
        files,
    })
}

/// Boards render independently: spread over the cores (a township PC has 2–4), in order.
fn render_all(boards: Vec<Gathered>, round: &str, own_pdf: bool) -> Result<Vec<LaidOut>, ApiError> {
    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    let per_worker = boards.len().div_ceil(workers).max(1);
    let mut chunks: Vec<Vec<Gathered>> = Vec::new();
    let mut rest = boards.into_iter().peekable();
    while rest.peek().is_some() {
        chunks.push(rest.by_ref().take(per_worker).collect());
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|g| render(g, round, own_pdf))
                        .collect::<Result<Vec<_>, _>>()
                })
            })
            .collect();
        let mut all = Vec::new();
        for handle in handles {
            let part = handle
                .join()
                .map_err(|_| ApiError::internal("打印张贴包的线程意外中止"))?;
            all.extend(part?);
        }
        Ok(all)
    })
}

fn safe_name(text: &str) -> String {
    text.chars()
        .map(|c| {
            if r#"\/:*?"<>|"#.contains(c) || c.is_whitespace() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

impl Api {
    /// Prints a round's packs into `out_dir`, and marks each posting 已打印 with its sheet.
    pub fn postings_print(
        &self,
        args: wire::PostingsPrintArgs,
    ) -> Result<wire::PostingsPrintResult, ApiError> {
        let round = non_blank(Some(&args.round))
            .ok_or_else(|| ApiError::invalid("请指定要打印的张贴轮次".to_owned()))?
            .to_owned();
        let out_dir = PathBuf::from(args.out_dir.trim());
        std::fs::create_dir_all(&out_dir)
            .map_err(|e| ApiError::export(&out_dir.display().to_string(), &e.to_string()))?;
        let result = self.with_store(OpenMode::Existing, |store| {
            let township = store.require_township()?.name.to_string();
            let one_file = args.one_file == Some(true);
            let gathered = to_print(store, &round)?
                .into_iter()
                .map(|postings| gather(store, &township, postings))
                .collect::<Result<Vec<_>, _>>()?;
            let laid_out = render_all(gathered, &round, !one_file)?;
            let mut packs = Vec::new();
            let write = |name: String, pdf: &[u8]| -> Result<String, ApiError> {
                let path = out_dir.join(name);
                std::fs::write(&path, pdf)
                    .map_err(|e| ApiError::export(&path.display().to_string(), &e.to_string()))?;
                Ok(path.display().to_string())
            };
            let count = |part: &LaidOut| u32::try_from(part.files.len()).unwrap_or(u32::MAX);
            if one_file {
                let all: Vec<BoardPack> = laid_out.iter().map(|l| l.pack.clone()).collect();
                let pdf = render_board_packs(&all)?;
                let villages: Vec<&str> = laid_out.iter().map(|l| l.village.as_str()).collect();
                packs.push(wire::PrintedPack {
                    village: villages.join("、"),
                    path: write(format!("{}_张贴包.pdf", safe_name(&round)), &pdf)?,
                    sheets: laid_out.iter().map(count).sum(),
                    bytes: pdf.len() as u64,
                });
            }
            for part in &laid_out {
                if let Some(pdf) = &part.pdf {
                    let name = format!(
                        "{}_{}_{}.pdf",
                        safe_name(&part.village),
                        safe_name(&part.pack.diagram.board),
                        safe_name(&round)
                    );
                    packs.push(wire::PrintedPack {
                        village: part.village.clone(),
                        path: write(name, pdf)?,
                        sheets: count(part),
                        bytes: pdf.len() as u64,
                    });
                }
            }
            for (id, file) in laid_out.into_iter().flat_map(|l| l.files) {
                let judge = lifecycle_judge(today(), photos_of(store, id)?);
                let judge: Judge<'_> = &judge;
                store.change_posting(
                    id,
                    &PostingChange::Printed {
                        file,
                        at: chrono::Utc::now(),
                    },
                    judge,
                )?;
            }
            Ok(wire::PostingsPrintResult { packs })
        })?;
        self.queued_for_county();
        Ok(result)
    }
}
