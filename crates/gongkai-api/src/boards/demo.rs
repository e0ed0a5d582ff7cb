//! The demo's boards: the 三务 template applied to every village (统一格式) and the township's
//! 政务公开栏 in the 便民服务中心, through the commands themselves.

use crate::{Api, ApiError, wire};

/// The seeded templates the demo applies (migration 14).
const VILLAGE_TEMPLATE: &str = "sanwu";
const TOWNSHIP_TEMPLATE: &str = "township";

impl Api {
    /// Every village gets a 三务公开栏, the township its 政务公开栏 at the 便民服务中心.
    pub(crate) fn demo_boards(&self) -> Result<(), ApiError> {
        self.board_template_apply(wire::BoardTemplateApplyArgs {
            template_id: VILLAGE_TEMPLATE.to_owned(),
            village_ids: None,
            replace: false,
        })?;
        let township = self.board_template_apply(wire::BoardTemplateApplyArgs {
            template_id: TOWNSHIP_TEMPLATE.to_owned(),
            village_ids: None,
            replace: false,
        })?;
        for id in township.created {
            let board = self.board_get(wire::BoardGetArgs { id, version: None })?;
            self.board_save(wire::BoardInput {
                id: Some(board.id),
                village_id: None,
                name: board.name,
                location: "镇便民服务中心一楼大厅".to_owned(),
                width: None,
                height: None,
                deviation_reason: None,
            })?;
        }
        Ok(())
    }
}
