// The signed-in user's inbox (站内消息): the unread count shown as the header
// badge, refreshed on login, every minute, and after reading a message.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { getInbox, markRead } from '@/api/monitoring'

export const INBOX_POLL_MS = 60_000

export const useInboxStore = defineStore('inbox', () => {
  const unread = ref(0)
  let timer: ReturnType<typeof setInterval> | null = null

  async function refresh(): Promise<void> {
    try {
      // Silent: a server without the inbox (or a blip) must not flash an error on every page.
      unread.value = (await getInbox(true, 1, true)).unread
    } catch {
      // keep the last count
    }
  }

  async function read(id: number): Promise<void> {
    unread.value = (await markRead(id)).unread
  }

  function start(): void {
    stop()
    void refresh()
    timer = setInterval(() => void refresh(), INBOX_POLL_MS)
  }

  function stop(): void {
    if (timer) clearInterval(timer)
    timer = null
  }

  return { unread, refresh, read, start, stop }
})
