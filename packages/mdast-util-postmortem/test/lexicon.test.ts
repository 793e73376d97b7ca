import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
// @ts-expect-error: plain JavaScript module, the lexicon's generator.
import {compromiseTagger, generateLexicon, lexiconFile, readTags} from '../../../scripts/lexicon.js'
import {lexiconTagger} from '../dist/tasks/lexicon.js'
import type {TaggedWord} from '../dist/tasks/tagger.js'

/** A tagged word as `text normal [tags the judge reads] after`. */
function show(words: readonly TaggedWord[]): string[] {
  return words.map((word) => {
    const tags = [...word.tags].filter((tag) => readTags.includes(tag) || tag === 'Hyphenated').sort()
    return `${word.text} ${word.normal} [${tags.join(' ')}] ${word.after}`.trim()
  })
}

describe('the task lexicon', () => {
  it('is what scripts/lexicon.js generates from compromise', () => {
    // Compared parsed: the formatter lays the file out its own way.
    expect(JSON.parse(readFileSync(lexiconFile, 'utf8'))).toEqual(generateLexicon())
  }, 60_000)

  // Each case reads the tags a place of the judge reads, and compromise gives the same.
  const cases: ReadonlyArray<readonly [string, readonly string[]]> = [
    // An unknown word after a prefix reads as the word after it.
    [
      'Reconfigure the proxy timeouts',
      [
        'Reconfigure reconfigure [Imperative Infinitive PresentTense Verb]',
        'the the [Determiner]',
        'proxy proxy [Noun]',
        'timeouts timeouts [Noun]'
      ]
    ],
    // A short task: compromise reads `Implement` as a noun, `retries` as a verb.
    ['Implement retries', ['Implement implement [Noun]', 'retries retries [PresentTense Verb]']],
    // A two-word entry tags both words.
    [
      'Look into the slow queries',
      [
        'Look look [Imperative Infinitive PhrasalVerb PresentTense Verb]',
        'into into [PhrasalVerb Verb]',
        'the the [Determiner]',
        'slow slow [Adjective]',
        'queries queries [Noun]'
      ]
    ],
    [
      'Even if the job fails',
      [
        'Even even [Conjunction]',
        'if if [Conjunction]',
        'the the [Determiner]',
        'job job [Noun]',
        'fails fails [PresentTense Verb]'
      ]
    ],
    // Before `and`, `Document` is a noun; after it, `share` a verb.
    [
      'Document and share the runbook',
      [
        'Document document [Noun]',
        'and and [Conjunction]',
        'share share [Infinitive PresentTense Verb]',
        'the the [Determiner]',
        'runbook runbook [Noun]'
      ]
    ],
    [
      'Always run the linter',
      [
        'Always always [Adverb]',
        'run run [Infinitive PresentTense Verb]',
        'the the [Determiner]',
        'linter linter [Noun]'
      ]
    ],
    ['Roll back release 42', ['Roll roll [Noun]', 'back back [Noun]', 'release release [Noun]', '42 42 []']]
  ]
  it.each(cases)('tags `%s` as compromise does', (text, expected) => {
    expect(show(lexiconTagger.tag(text))).toEqual(expected)
    expect(show(compromiseTagger.tag(text))).toEqual(expected)
  })

  it('splits words as compromise does: hyphens, punctuation, contractions, accents', () => {
    const split = (text: string, tagger: {tag(text: string): readonly TaggedWord[]}) =>
      tagger.tag(text).map((word) => [word.text, word.normal, word.after, word.tags.has('Hyphenated')])
    for (const text of ['Re-run the failed jobs', "Don't deploy on Fridays", '**Add** `nginx` checks', 'Café menus']) {
      expect(split(text, lexiconTagger), text).toEqual(split(text, compromiseTagger))
    }
    expect(split('Re-run the', lexiconTagger)).toEqual([
      ['Re', 're', '-', true],
      ['run', 'run', '', true],
      ['the', 'the', '', false]
    ])
  })

  it('guesses an unknown word from its ending as compromise does', () => {
    // `-ify` is a verb ending to compromise; `zorbify` is in no lexicon.
    expect(show(lexiconTagger.tag('Zorbify the cache').slice(0, 1))).toEqual([
      'Zorbify zorbify [Imperative Infinitive PresentTense Verb]'
    ])
    expect(show(compromiseTagger.tag('Zorbify the cache').slice(0, 1))).toEqual([
      'Zorbify zorbify [Imperative Infinitive PresentTense Verb]'
    ])
    expect(show(lexiconTagger.tag('Zorbing the cache').slice(0, 1))).toEqual(
      show(compromiseTagger.tag('Zorbing the cache').slice(0, 1))
    )
  })

  it('knows the words compromise knows, for what follows `you must`', () => {
    for (const word of ['implement', 'deploy', 'zorbify', 'reconfigure', 'nginx']) {
      expect(lexiconTagger.knows(word), word).toBe(compromiseTagger.knows(word))
    }
    expect(lexiconTagger.knows('implement')).toBe(true)
    expect(lexiconTagger.knows('zorbify')).toBe(false)
  })
})
