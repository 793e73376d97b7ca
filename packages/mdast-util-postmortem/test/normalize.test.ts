import {matchSectionIds, normalizeLabel, resolveProfile} from 'mdast-util-postmortem'
import {describe, expect, it} from 'vitest'
import {oneLine} from '../dist/normalize.js'

describe('normalizeLabel', () => {
  const cases: Array<[string, string]> = [
    ['Summary', 'summary'],
    ['1. Summary', 'summary'],
    ['IV - Impact', 'impact'],
    ['a) Timeline', 'timeline'],
    ['2.1 Root cause', 'root cause'],
    ['2.1.3 Root cause', 'root cause'],
    ['2.1 2024', '2 1 2024'],
    ['500 errors', 'error'],
    ['12', '12'],
    ['i', 'i'],
    ['   3   Timeline ', 'timeline'],
    ['R&D', 'r and d'],
    ['Q & A', 'q and a'],
    ['a&&b', 'a and and b'],
    ['&x', 'and x'],
    ['1 &b', '1 and b'],
    ['Timeline (all times in UTC)', 'timeline'],
    ['Root Cause(s)', 'root cause'],
    ['[Draft] Impact', 'impact'],
    [':clipboard: Action Items', 'action item'],
    ['📋 Action Items', 'action item'],
    ["What's next", 'what next'],
    ['What’s next', 'what next'],
    ['Post-Mortem', 'postmortem'],
    ['To-Do', 'todo'],
    ['Follow-ups', 'follow up'],
    ['Preventive Measures', 'preventative measure'],
    ['Résumé', 'resume'],
    ['é Résumé', 'resume'],
    ['Chronologie des événements', 'chronologie des evenement'],
    // Plurals are stemmed; the words that join others keep their form.
    ['Lessons and fixes', 'lesson and fix'],
    ['Summaries of this analysis', 'summary of this analysis'],
    ['Ⅳ Impact', 'impact'],
    ['１ Summary', 'summary'],
    ['', '']
  ]
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
      expect(normalizeLabel(text)).toBe(expected)
    })
  }
})

describe('matchSectionIds', () => {
  const generic = resolveProfile('generic')
  it('names the sections of a heading, in order', () => {
    expect(matchSectionIds('Root Cause and Resolution', generic, 'heading')).toEqual(['root-cause', 'resolution'])
  })
  it('allows a few other words, fewer on a line than in a heading', () => {
    expect(matchSectionIds('Incident Timeline of Events', generic, 'heading')).toEqual(['timeline'])
    expect(matchSectionIds('Detailed incident timeline of all events', generic, 'heading')).toEqual(['timeline'])
    expect(matchSectionIds('A detailed incident timeline of all events follows', generic, 'heading')).toEqual([
      'timeline'
    ])
    expect(matchSectionIds('A detailed incident timeline of all events follows', generic, 'line')).toEqual([])
  })
  it('reads sub-numbered and accented headings', () => {
    expect(matchSectionIds('2.1.3 Root cause', generic, 'line')).toEqual(['root-cause'])
    // French: the vocabulary has a file per language.
    expect(matchSectionIds('Résumé', generic, 'heading')).toEqual(['summary'])
    expect(matchSectionIds('Chronologie des événements', generic, 'heading')).toEqual(['timeline'])
    expect(matchSectionIds('Tímeline', generic, 'heading')).toEqual(['timeline'])
  })
  it('finds nothing in a line of prose', () => {
    expect(
      matchSectionIds('The server was down for a total of 45 minutes before the timeline', generic, 'line')
    ).toEqual([])
  })
})

describe('oneLine', () => {
  const spaces = [' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff']
  const words = ['Add', 'an', 'alert', 'on', '5xx', 'rates', 'é', '—']
  it('gives what `replace(/\\s+/g, " ").trim()` gives, returning a text with nothing to change as it is', () => {
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let round = 0; round < 2000; round++) {
      let text = ''
      const length = next(8)
      for (let at = 0; at < length; at++) {
        text += next(3) === 0 ? (spaces[next(spaces.length)] as string) : (words[next(words.length)] as string)
      }
      expect(oneLine(text)).toBe(text.replace(/\s+/g, ' ').trim())
    }
    expect(oneLine('Add an alert')).toBe('Add an alert')
    expect(oneLine('')).toBe('')
    expect(oneLine(' ')).toBe('')
    expect(oneLine('a\u00a0b')).toBe('a b')
  })
})
