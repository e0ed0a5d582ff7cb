import { onMounted, ref } from "vue";
import { ElMessage } from "element-plus";
import { showError } from "@/api/errors";

/**
 * A settings tab's form: the settings read from the core when the tab opens and written when the
 * form is saved, each answer put on the form through `show` (the core may have corrected what was
 * typed), `saved` said on success and the core's words on a refusal.
 */
export function useSettingsForm<Settings>(options: {
  load: () => Promise<Settings>;
  save: () => Promise<Settings>;
  show: (settings: Settings) => void;
  saved: string;
}) {
  const busy = ref(false);

  async function save() {
    busy.value = true;
    try {
      options.show(await options.save());
      ElMessage.success(options.saved);
    } catch (e) {
      showError(e);
    } finally {
      busy.value = false;
    }
  }

  onMounted(async () => {
    try {
      options.show(await options.load());
    } catch (e) {
      showError(e);
    }
  });

  return { busy, save };
}
