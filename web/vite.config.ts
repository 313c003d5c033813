/// <reference types="vitest/config" />
// Vite build + Vitest config. Element Plus components are imported on demand
// (unplugin-vue-components + ElementPlusResolver: only what templates use, with
// their CSS); ECharts is loaded through a dynamic import (src/utils/echarts.ts)
// so it lands in its own chunk. Two pages: index.html (the office app) and
// survey.html (the phone questionnaire at /s/{id}, plain Vue only; its size
// budget is checked after the build by scripts/check-survey-budget.mjs).
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// `npm run dev`: /s/{id} opens the questionnaire page, as `govperf serve` does.
const surveyPage: Plugin = {
  name: 'survey-page',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url && /^\/s\/[^/?]+\/?(\?|$)/.test(req.url)) req.url = '/survey.html' + req.url.replace(/^[^?]*/, '')
      next()
    })
  },
}

export default defineConfig({
  plugins: [
    vue(),
    surveyPage,
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: false,
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    // `npm run dev` proxies the API to a running `govperf serve` (default port 8080).
    proxy: { '/api': process.env.GOVPERF_API ?? 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        survey: fileURLToPath(new URL('./survey.html', import.meta.url)),
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    css: false,
    server: { deps: { inline: ['element-plus'] } },
  },
})
