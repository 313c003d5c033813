import { describe, expect, it } from 'vitest'
import { validateSettings } from './monitoringSettings'

const good = {
  year: 2026, default_frequency: 'quarterly', due_days_after: 10, reminder_working_days: 3,
  red_after_working_days: 5, progress_green: 1, progress_yellow: 0.8, frequencies: { '1.1.2': 'monthly' },
}

describe('monitoring settings', () => {
  it('accepts the defaults', () => expect(validateSettings(good)).toEqual({}))
  it('names each bad field', () => {
    expect(validateSettings({ ...good, due_days_after: -1, red_after_working_days: 0 })).toEqual({
      due_days_after: 'monitoringSettings.days0to90', red_after_working_days: 'monitoringSettings.days1to60',
    })
    expect(validateSettings({ ...good, progress_yellow: 1.2 })).toEqual({ progress_yellow: 'monitoringSettings.yellowBelowGreen' })
    expect(validateSettings({ ...good, progress_green: 0 })).toEqual({ progress_green: 'monitoringSettings.ratio' })
    expect(validateSettings({ ...good, frequencies: { '1.1.2': 'weekly' } })).toEqual({ frequencies: 'monitoringSettings.badFrequency' })
  })
})
