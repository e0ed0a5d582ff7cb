import { invoke } from "@tauri-apps/api/core";
import type { ReadingLeave, ReadingLeaveArgs } from "@/api/bindings";

/** The shell's `reading_leave` (src-tauri/src/reading.rs): closes the app when the PIN is right. */
export const leaveReadingPoint = (args: ReadingLeaveArgs) => invoke<ReadingLeave>("reading_leave", { args });
