/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";
import components from "unplugin-vue-components/vite";
import { ElementPlusResolver } from "unplugin-vue-components/resolvers";
import type { Plugin } from "vite";

/**
 * Fontsource declares every slice of the Chinese font twice (woff2, then woff as a fallback).
 * Both webviews the app runs in read woff2, so the woff copies would only add 6 MB to the binary.
 */
function woff2Only(): Plugin {
  return {
    name: "gongkai-woff2-only",
    enforce: "pre",
    transform(code, id) {
      if (!/@fontsource[\\/].*\.css$/.test(id)) return null;
      return code.replace(/,\s*url\([^)]*\.woff\)\s*format\(["']woff["']\)/g, "");
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [
    woff2Only(),
    vue(),
    // Element Plus components (and v-loading) imported where templates use them, each with its
    // own style, instead of the whole library and stylesheet at start. Not under Vitest: the
    // specs install the whole library and Node cannot load the styles.
    ...(mode === "test"
      ? []
      : [components({ resolvers: [ElementPlusResolver({ importStyle: "css", directives: true })], dts: false })]),
  ],
  base: "./",
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    // WebKitGTK 2.40 (Debian 12, UOS, Kylin) and WebView2 on Windows 10.
    target: ["es2021", "safari15"],
    chunkSizeWarningLimit: 1500,
    // The reading point's window (`gongkai-app --reading-point`) loads reading.html: its own
    // small entry, without the workstation's router and screens.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL("./index.html", import.meta.url)),
        reading: fileURLToPath(new URL("./reading.html", import.meta.url)),
      },
    },
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.spec.ts"],
    setupFiles: ["src/__tests__/setup.ts"],
  },
}));
