import {describe, expect, it} from 'vitest'
import {firstWords} from '../dist/tasks/tagger.js'

/** What the tagger read before: every word, then the first few. */
function bySplit(text: string, count: number): string[] {
  return text.split(/\s+/).filter(Boolean).slice(0, count)
}

describe('the first words of a task', () => {
  it('reads words between spaces of any kind', () => {
    expect(firstWords('  Add\tan\u00a0alert\u2028on   disk\nusage ', 4)).toEqual(['Add', 'an', 'alert', 'on'])
    expect(firstWords('Rotate keys', 4)).toEqual(['Rotate', 'keys'])
    expect(firstWords(' \t\n', 4)).toEqual([])
    expect(firstWords('', 4)).toEqual([])
  })

  it('gives the words that splitting the whole text gives, on random texts', () => {
    const pieces = [
      'Add',
      'x',
      '`code`',
      '**Fix**',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\u00a0',
      '\u2003',
      '\ufeff',
      '-',
      ''
    ]
    let state = 7
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
      return state / 2_147_483_648
    }
    for (let round = 0; round < 2000; round++) {
      const length = Math.floor(next() * 12)
      const text = Array.from({length}, () => pieces[Math.floor(next() * pieces.length)]).join('')
      const count = 1 + Math.floor(next() * 5)
      expect(firstWords(text, count)).toEqual(bySplit(text, count))
    }
  })
})
