import {getPostmortem, resolveProfile} from 'mdast-util-postmortem'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {type BlockTexts, incidentEvidence} from '../dist/evidence.js'

function blocks(texts: readonly string[]): BlockTexts & {read: number} {
  const read = new Set<number>()
  return {
    length: texts.length,
    at(index) {
      read.add(index)
      return texts[index] as string
    },
    get read() {
      return read.size
    }
  }
}

/** The evidence of the blocks read as one text, joined by line breaks: what block by block must give. */
function joined(texts: readonly string[], enoughWords: number) {
  return incidentEvidence(blocks([texts.join('\n')]), enoughWords)
}

describe('incidentEvidence', () => {
  it('counts a document told in many blocks', () => {
    const texts = [
      'Checkout outage',
      'On 2024-03-05 at 10:30 UTC the database failed.',
      'Users saw errors for 40 minutes. The outage ended at 11:10.',
      'The service crashed again and the incident was escalated.',
      'Latency spiked when the cache failed.'
    ]
    expect(incidentEvidence(blocks(texts), Number.POSITIVE_INFINITY)).toEqual({words: 36, moments: 2, events: 3})
  })

  it('reads no block once it has enough', () => {
    const texts = [
      'On 2024-03-05 at 10:30 UTC the database failed and the outage began; the service crashed.',
      'Errors rose when the outage spread, and the incident was escalated to the on-call team of the day.',
      'The service was down and users failed to pay. The outage ended.',
      'Not read.',
      'Not read either.'
    ]
    const given = blocks(texts)
    // Enough words after two blocks (33, not counting the third's), the third event in the third block.
    expect(incidentEvidence(given, 25)).toEqual({words: 33, moments: 2, events: 3})
    expect(given.read).toBe(3)
  })

  it('cuts sentences as the joined text does, block by block', () => {
    // Pieces that cut sentences or not at a block's edge: full stops, spaces
    // (Unicode ones too), line breaks, empty blocks, times and events.
    const pieces = [
      'The database failed',
      ' the outage began',
      'at 10:30',
      '2024-03-05',
      'for 5 minutes',
      'errors rose when the service crashed',
      '.',
      '!',
      '?',
      ' ',
      '  ',
      '\n',
      '\u00a0',
      '\t',
      '',
      'users',
      'was down'
    ]
    let seed = 11
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let run = 0; run < 2000; run++) {
      const texts: string[] = []
      const count = 1 + next(6)
      for (let block = 0; block < count; block++) {
        let text = ''
        const length = next(5)
        for (let at = 0; at < length; at++) text += pieces[next(pieces.length)]
        texts.push(text)
      }
      for (const enough of [Number.POSITIVE_INFINITY, 3]) {
        const got = incidentEvidence(blocks(texts), enough)
        const expected = joined(texts, enough)
        expect({texts, moments: got.moments, events: got.events}).toEqual({
          texts,
          moments: expected.moments,
          events: expected.events
        })
        if (enough === Number.POSITIVE_INFINITY) expect(got.words).toBe(expected.words)
        else expect(got.words >= enough).toBe(expected.words >= enough)
      }
    }
  })

  it('scans the first 40,000 characters only, across blocks', () => {
    const filler = 'word '.repeat(3999)
    // The second block starts about 20,000 characters in: its time is read;
    // the third's time is 3 characters past the end, the fourth's further.
    const texts = [filler, 'At 10:30 it began.', `${'word '.repeat(3997)}at 12:30`, 'At 11:30 it ended.']
    expect(incidentEvidence(blocks(texts), Number.POSITIVE_INFINITY)).toEqual(joined(texts, Number.POSITIVE_INFINITY))
    expect(incidentEvidence(blocks(texts), Number.POSITIVE_INFINITY).moments).toBe(1)
  })
})

describe('Postmortem.wordCount', () => {
  it('counts the words of every block, though the evidence stops early', () => {
    const text = [
      '# Checkout outage',
      '',
      'On 2024-03-05 at 10:30 UTC the database failed and the outage began; the service crashed.',
      '',
      'Errors rose when the outage spread, and the incident was escalated to the on-call team.',
      '',
      'The service was down and users failed to pay.',
      '',
      '- two more'
    ].join('\n')
    const tree = unified().use(remarkParse).parse(text)
    expect(getPostmortem(tree, resolveProfile('generic'), text).wordCount).toBe(2 + 15 + 15 + 9 + 2)
  })
})
