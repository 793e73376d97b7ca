import {createRequire} from 'node:module'
import type nlpType from 'compromise/two'

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

let nlp: typeof nlpType | undefined
// Only what the judge reads: the terms' text, normal form, tags and punctuation.
const jsonOptions = {
  text: false,
  normal: false,
  offset: false,
  terms: {text: true, normal: true, tags: true, post: true}
}
const cache = new Map<string, readonly TaggedWord[]>()
const cacheLimit = 20_000

/**
 * Tag the first words of a task with `compromise`. The tagger is loaded on
 * first use only (it takes a moment), and results are cached by text, so the
 * same wording is tagged once per process.
 */
export function tagFirstWords(text: string, count = taggedWords): readonly TaggedWord[] {
  const words = text.split(/\s+/).filter(Boolean).slice(0, count).join(' ')
  const known = cache.get(words)
  if (known) return known
  nlp ??= createRequire(import.meta.url)('compromise/two') as typeof nlpType
  const json = nlp(words).json(jsonOptions) as Array<{
    terms?: Array<{text?: string; normal?: string; tags?: string[]; post?: string}>
  }>
  const tagged: TaggedWord[] = []
  for (const sentence of json) {
    for (const term of sentence.terms ?? []) {
      tagged.push({
        text: term.text ?? '',
        normal: (term.normal ?? term.text ?? '').toLowerCase(),
        tags: new Set(term.tags ?? []),
        after: (term.post ?? '').trim()
      })
    }
  }
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
  const words = text.split(/\s+/).filter(Boolean).slice(0, taggedWords)
  const first = words[0]?.toLowerCase()
  if (!first) return false
  const key = `you must ${first} ${words.slice(1).join(' ')}`
  let tagged = framed.get(key)
  if (tagged === undefined) {
    const [, , word] = tagFirstWords(key)
    tagged = word?.tags.has('Verb') === true && word.tags.has('Infinitive') && knows(word.normal)
    if (framed.size >= cacheLimit) framed.clear()
    framed.set(key, tagged)
  }
  return tagged
}

const framed = new Map<string, boolean>()

function knows(word: string): boolean {
  const world = nlp?.world() as {model?: {one?: {lexicon?: Record<string, unknown>}}} | undefined
  return world?.model?.one?.lexicon?.[word] !== undefined
}

/** Whether the tagger has been loaded in this process (for benchmarks). */
export function taggerLoaded(): boolean {
  return nlp !== undefined
}
