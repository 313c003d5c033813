// Checks of the year's monitoring settings before they are sent (i18n keys
// per field); the server checks the rest (leaf ids, frequency names).
import type { MonitoringSettings } from '@/api/monitoring'

export const FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const

export type SettingsField = 'due_days_after' | 'reminder_working_days' | 'red_after_working_days' | 'progress_green' | 'progress_yellow' | 'frequencies'

const whole = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max

export function validateSettings(s: MonitoringSettings): Partial<Record<SettingsField, string>> {
  const e: Partial<Record<SettingsField, string>> = {}
  if (!whole(s.due_days_after, 0, 90)) e.due_days_after = 'monitoringSettings.days0to90'
  if (!whole(s.reminder_working_days, 0, 30)) e.reminder_working_days = 'monitoringSettings.days0to30'
  if (!whole(s.red_after_working_days, 1, 60)) e.red_after_working_days = 'monitoringSettings.days1to60'
  const ok = (x: number) => Number.isFinite(x) && x > 0 && x <= 2
  if (!ok(s.progress_green)) e.progress_green = 'monitoringSettings.ratio'
  if (!ok(s.progress_yellow)) e.progress_yellow = 'monitoringSettings.ratio'
  else if (ok(s.progress_green) && s.progress_yellow > s.progress_green) e.progress_yellow = 'monitoringSettings.yellowBelowGreen'
  for (const [leaf, f] of Object.entries(s.frequencies)) {
    if (!leaf.trim() || !(FREQUENCIES as readonly string[]).includes(f)) e.frequencies = 'monitoringSettings.badFrequency'
  }
  return e
}
