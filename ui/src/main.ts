import { createApp } from "vue";
import ElementPlus from "element-plus";
import zhCn from "element-plus/es/locale/lang/zh-cn";
import "element-plus/dist/index.css";
// The Chinese webfont ships with the app: township PCs on domestic Linux may have no CJK font.
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-sc/700.css";
import "./style.css";
import App from "./App.vue";
import { loadPlaceholderGlyphs, registerRareFaces } from "./fonts";
import { router } from "./router";

createApp(App).use(ElementPlus, { locale: zhCn }).use(router).mount("#app");
loadPlaceholderGlyphs();
registerRareFaces();
