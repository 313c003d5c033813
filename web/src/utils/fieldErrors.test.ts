import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/request'
import { clearErrors, formErrors, formFieldOf, setErrors, type FormErrors } from './fieldErrors'

const err400 = (field: string, message = `${field}: bad`) =>
  new ApiError(400, { code: 'invalid_argument', message, details: field ? { field } : {} })

describe('field errors', () => {
  const fields = ['username', 'display_name', 'unit_id', 'password', 'budget'] as const

  it('finds the form field a server field names', () => {
    expect(formFieldOf('username', fields)).toBe('username')
    expect(formFieldOf('inputs.budget', fields)).toBe('budget')
    expect(formFieldOf('units[1].unit_id', fields)).toBe('unit_id')
    expect(formFieldOf('new_password', fields, { new_password: 'password' })).toBe('password')
    expect(formFieldOf('year', fields)).toBe('')
    expect(formFieldOf('', fields)).toBe('')
  })

  it('puts a named field error on the field, anything else in general', () => {
    expect(formErrors(err400('password', 'password: too short'), fields)).toEqual({ fields: { password: 'password: too short' }, general: '' })
    const conflict = new ApiError(409, { code: 'failed_precondition', message: 'user exists', details: {} })
    expect(formErrors(conflict, fields)).toEqual({ fields: {}, general: 'user exists' })
    expect(formErrors(err400('role'), fields).general).toBe('role: bad')
    expect(formErrors(new Error('boom'), fields).general).toBe('boom')
  })

  it('replaces and clears errors in place', () => {
    const holder: FormErrors<(typeof fields)[number]> = { fields: { username: 'old' }, general: 'x' }
    setErrors(holder, formErrors(err400('unit_id'), fields))
    expect(holder).toEqual({ fields: { unit_id: 'unit_id: bad' }, general: '' })
    clearErrors(holder)
    expect(holder).toEqual({ fields: {}, general: '' })
  })
})
