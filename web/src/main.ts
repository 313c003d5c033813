import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import App from './App.vue'
import { i18n, currentLocale } from './locales'
import { createAppRouter } from './router'
import { http } from './api/request'
import { useAuthStore } from './stores/auth'
import './styles/global.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
const router = createAppRouter()
app.use(router)
document.documentElement.lang = currentLocale()

// The client's error side: one message per failed call, and back to the login
// page when the session has expired.
http.hooks.onError = (err) => {
  const t = i18n.global.t
  const message = err.isNetwork ? t('errors.network') : err.message || t('errors.loadFailed')
  ElMessage({ type: 'error', message, grouping: true, showClose: true })
}
http.hooks.onUnauthenticated = () => {
  const auth = useAuthStore(pinia)
  if (!auth.token) return
  auth.clear()
  ElMessage({ type: 'warning', message: i18n.global.t('errors.sessionExpired'), grouping: true })
  void router.push({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } })
}

app.mount('#app')
