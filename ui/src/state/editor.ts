import { reactive } from "vue";
import { ElMessage, ElMessageBox } from "element-plus";
import type { Profile } from "@/api/bindings";
import { showError } from "@/api/errors";
import { setProfile } from "./app";

/**
 * Add/edit/delete behaviour shared by the profile tables: a dialog holding a form, saving and
 * deleting through core commands that answer with the whole profile, and Chinese errors that
 * keep the dialog open so the clerk can correct the input.
 */
export function useEditor<Input extends { id: string | null }>(options: {
  what: string;
  blank: () => Input;
  save: (input: Input) => Promise<Profile>;
  remove: (id: string) => Promise<Profile>;
}) {
  const state = reactive({ open: false, busy: false, form: options.blank() }) as {
    open: boolean;
    busy: boolean;
    form: Input;
  };

  function add() {
    state.form = options.blank();
    state.open = true;
  }

  function edit(input: Input) {
    state.form = input;
    state.open = true;
  }

  async function save() {
    state.busy = true;
    try {
      setProfile(await options.save({ ...state.form }));
      state.open = false;
      ElMessage.success("已保存");
    } catch (e) {
      showError(e);
    } finally {
      state.busy = false;
    }
  }

  async function remove(id: string, name: string) {
    try {
      await ElMessageBox.confirm(`确定删除${options.what}“${name}”吗？`, "删除确认", {
        type: "warning",
        confirmButtonText: "删除",
        cancelButtonText: "取消",
      });
    } catch {
      return; // cancelled
    }
    try {
      setProfile(await options.remove(id));
      ElMessage.success("已删除");
    } catch (e) {
      showError(e);
    }
  }

  return { state, add, edit, save, remove };
}
