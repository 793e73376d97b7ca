import {isSpaceAt} from '../normalize.js'
import {lexiconTagger} from './lexicon.js'

/** A word of a task with its part-of-speech tags (`Verb`, `Imperative`, `Noun`, ...). */
export interface TaggedWord {
  /** The word as written, punctuation removed. */
  readonly text: string
  /** Lowercase form. */
  readonly normal: string
  readonly tags: ReadonlySet<string>
  /** Punctuation written right after the word (`,` in `Instead, use`). */
  readonly after: string
}

/** How many words of a task are tagged: enough context for the first one. */
export const taggedWords = 4

/**
 * What tags words: the lexicon generated from `compromise` (see
 * `lexicon.ts`), or, in the tests that compare the two, compromise itself.
 */
export interface Tagger {
  /** Tag a few words, as they are written. */
  tag(words: string): readonly TaggedWord[]
  /** Whether the tagger's lexicon has the word (a normal form). */
  knows(word: string): boolean
}

let tagger: Tagger = lexiconTagger
const cache = new Map<string, readonly TaggedWord[]>()
const cacheLimit = 20_000

/**
 * Tag with another tagger from now on (the tests compare the lexicon with
 * compromise this way); without one, go back to the lexicon. Not part of the
 * package's API.
 */
export function setTagger(next: Tagger = lexiconTagger): void {
  tagger = next
  cache.clear()
  framed.clear()
}

/**
 * Tag the first words of a task. Results are cached by text, so the same
 * wording is tagged once per process.
 */
export function tagFirstWords(text: string, count = taggedWords): readonly TaggedWord[] {
  const words = firstWords(text, count).join(' ')
  const known = cache.get(words)
  if (known) return known
  const tagged = tagger.tag(words)
  if (cache.size >= cacheLimit) cache.clear()
  cache.set(words, tagged)
  return tagged
}

/**
 * Whether the first word of a task reads as a verb when the task follows a
 * modal (`you must implement automated tests`): the tagger takes a
 * sentence-initial `Implement` for a noun. Only words the tagger's lexicon
 * knows count, since after a modal it takes any unknown word for a verb.
 */
export function readsAsVerb(text: string): boolean {
  const words = firstWords(text, taggedWords)
  const first = words[0]?.toLowerCase()
  if (!first) return false
  const key = `you must ${first} ${words.slice(1).join(' ')}`
  let tagged = framed.get(key)
  if (tagged === undefined) {
    const [, , word] = tagFirstWords(key)
    tagged = word?.tags.has('Verb') === true && word.tags.has('Infinitive') && tagger.knows(word.normal)
    if (framed.size >= cacheLimit) framed.clear()
    framed.set(key, tagged)
  }
  return tagged
}

const framed = new Map<string, boolean>()

/**
 * The first `count` words of a text, a word being a run of characters
 * other than spaces (`text.split(/\s+/).filter(Boolean).slice(0, count)`),
 * read no further than they go: a task can be a long paragraph.
 */
export function firstWords(text: string, count: number): string[] {
  const words: string[] = []
  let at = 0
  while (words.length < count) {
    while (at < text.length && isSpaceAt(text, at)) at++
    if (at >= text.length) break
    const start = at
    while (at < text.length && !isSpaceAt(text, at)) at++
    words.push(text.slice(start, at))
  }
  return words
}

/** Whether compromise itself is loaded in this process (for benchmarks): the lexicon needs it not. */
export function taggerLoaded(): boolean {
  return tagger !== lexiconTagger
}
