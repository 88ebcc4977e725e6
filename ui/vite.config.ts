import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The Tauri window loads ui/dist (custom-protocol builds) or this dev server (port 5173).
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true, target: "safari15" },
  // Unit tests mount components in jsdom, so they need Svelte's browser build.
  resolve: mode === "test" ? { conditions: ["browser"] } : undefined,
  test: {
    environment: "jsdom",
    // Unit tests only: end-to-end WebDriver files elsewhere must never run here.
    include: ["src/**/*.test.ts"],
  },
}));
