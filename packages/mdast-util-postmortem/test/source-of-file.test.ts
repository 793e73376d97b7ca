import {describe, expect, it} from 'vitest'
import {sourceOfFile} from '../dist/lines.js'

describe('the text of a file, split once', () => {
  it('splits a file once while it holds the same value', () => {
    const file = {value: Buffer.from('# Postmortem\n\n## Timeline\n')}
    const first = sourceOfFile(file)
    expect(first?.lines).toEqual(['# Postmortem', '', '## Timeline', ''])
    expect(sourceOfFile(file)).toBe(first)
  })

  it('reads a new value, and keeps the split when the new value has the same text', () => {
    const file: {value: unknown} = {value: Buffer.from('One\nTwo\n')}
    const first = sourceOfFile(file)
    file.value = 'One\nTwo\n'
    expect(sourceOfFile(file)).toBe(first)
    file.value = 'One\nThree\n'
    expect(sourceOfFile(file)?.lines).toEqual(['One', 'Three', ''])
    file.value = Buffer.from('Four')
    expect(sourceOfFile(file)?.lines).toEqual(['Four'])
  })

  it('gives nothing for a file without text', () => {
    expect(sourceOfFile({})).toBeUndefined()
    expect(sourceOfFile({value: 42})).toBeUndefined()
  })
})
