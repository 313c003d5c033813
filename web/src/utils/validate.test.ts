import { describe, expect, it } from 'vitest'
import { parseScore, passwordProblem, roleNeedsUnit, validOrgId, validUsername } from './validate'

describe('client-side checks', () => {
  it('checks passwords like the server', () => {
    expect(passwordProblem('short1!')).toBe('length')
    expect(passwordProblem('x'.repeat(129) + '1')).toBe('length')
    expect(passwordProblem('onlyletterss')).toBe('classes')
    expect(passwordProblem('1234567890')).toBe('classes')
    expect(passwordProblem('Init-admin-2026!')).toBe('')
    expect(passwordProblem('中文密码中文密码12')).toBe('')
    expect(passwordProblem('lead_d01_x', 'lead_d01_x')).toBe('username')
  })

  it('checks usernames and registry ids', () => {
    expect(validUsername('lead_d01')).toBe(true)
    expect(validUsername('Lead')).toBe(false)
    expect(validUsername('ab')).toBe(false)
    expect(validOrgId('D01')).toBe(true)
    expect(validOrgId('D 01')).toBe(false)
    expect(validOrgId('')).toBe(false)
  })

  it('parses typed scores', () => {
    expect(parseScore('', 0, 100)).toBeNull()
    expect(parseScore(' 88.5 ', 0, 100)).toBe(88.5)
    expect(parseScore('101', 0, 100)).toBeUndefined()
    expect(parseScore('abc', 0, 100)).toBeUndefined()
  })

  it('knows the roles that belong to a unit', () => {
    expect(['admin', 'leader', 'lead', 'unit', 'expert'].filter(roleNeedsUnit)).toEqual(['lead', 'unit'])
  })
})
