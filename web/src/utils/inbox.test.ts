import { describe, expect, it } from 'vitest'
import { badgeText, kindKey, kindTag, messageText } from './inbox'

describe('inbox helpers', () => {
  it('maps kinds to tag colours and label keys', () => {
    expect(kindTag('escalation.red')).toBe('danger')
    expect(kindTag('report.returned')).toBe('warning')
    expect(kindTag('report.verified')).toBe('success')
    expect(kindTag('something.new')).toBe('info')
    expect(kindKey('report.returned')).toBe('inbox.kind.report_returned')
    expect(kindKey('escalation.yellow')).toBe('inbox.kind.escalation_yellow')
    expect(kindKey('other')).toBe('')
  })

  it('badge text', () => {
    expect(badgeText(0)).toBe('')
    expect(badgeText(-1)).toBe('')
    expect(badgeText(3)).toBe('3')
    expect(badgeText(99)).toBe('99')
    expect(badgeText(100)).toBe('99+')
  })

  it('picks the language with a fallback', () => {
    const m = { title_zh: '报告被退回', title_en: 'Report returned', body_zh: '原因', body_en: '' }
    expect(messageText(m, 'zh-CN')).toEqual({ title: '报告被退回', body: '原因' })
    expect(messageText(m, 'en-US')).toEqual({ title: 'Report returned', body: '原因' })
  })
})
