import { createApp } from "vue";
import { ElMessage, ElMessageBox, provideGlobalConfig } from "element-plus";
import zhCn from "element-plus/es/locale/lang/zh-cn";
// Components (and their styles) are imported where templates use them (vite.config.ts): the
// whole library was 0.6 MB of script and 0.3 MB of style the window parsed and held at start.
// The two services are called from scripts, not templates: their styles are imported here.
import "element-plus/es/components/message/style/css";
import "element-plus/es/components/message-box/style/css";
// The Chinese webfont ships with the app: township PCs on domestic Linux may have no CJK font.
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-sc/700.css";
import "./style.css";
import App from "./App.vue";
import { loadPlaceholderGlyphs, registerRareFaces } from "./fonts";
import { router } from "./router";

const app = createApp(App);
provideGlobalConfig({ locale: zhCn }, app, true);
// Installed so their boxes share the app's context (the Chinese locale of 确定/取消).
app.use(ElMessage).use(ElMessageBox).use(router).mount("#app");
loadPlaceholderGlyphs();
registerRareFaces();
