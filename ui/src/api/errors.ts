import { ElMessage } from "element-plus";
import type { ApiError } from "./bindings";

function isApiError(e: unknown): e is ApiError {
  return typeof e === "object" && e !== null && typeof (e as ApiError).message === "string" && typeof (e as ApiError).code === "string";
}

/** The Chinese text to show for anything a command rejected with. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  if (typeof e === "string" && e.trim() !== "") return `操作失败：${e}`;
  if (e instanceof Error) return `无法连接到工作台核心：${e.message}`;
  return "操作失败：发生未知错误";
}

/**
 * Shows what a command rejected with as a closable message that stays 8 s (or `duration` ms): the
 * core's Chinese words name the file, sheet, row and column, which take longer to read than a
 * toast's default 3 s.
 */
export function showError(e: unknown, duration = 8000) {
  ElMessage.error({ message: errorMessage(e), duration, showClose: true });
}
