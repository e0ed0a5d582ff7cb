// The public reading point's own entry (reading.html, `gongkai-app --reading-point`): no router,
// no workstation screens, and only `readingCommands` — the window may call nothing else.
import { createApp } from "vue";
import { provideGlobalConfig } from "element-plus";
import zhCn from "element-plus/es/locale/lang/zh-cn";
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-sc/700.css";
import "../../style.css";
import ReadingApp from "./ReadingApp.vue";
import { loadPlaceholderGlyphs, registerRareFaces } from "../../fonts";

const app = createApp(ReadingApp);
provideGlobalConfig({ locale: zhCn }, app, true);
app.mount("#app");
loadPlaceholderGlyphs();
registerRareFaces();
