import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const root = fileURLToPath(new URL(".", import.meta.url));

// Everything is bundled and served by the gateway under /console/: nothing is loaded from elsewhere.
export default defineConfig({
  root,
  base: "/console/",
  plugins: [react()],
  // Vite's own .env files are not the hub's configuration.
  envDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // GraphiQL's editor (Monaco) is large by nature; it is loaded only on the explorer page.
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's packages carry React-compiler directives ("use no memo") that bundling drops harmlessly.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
  worker: { format: "es" },
});
