/**
 * The part-of-speech tags of a task's first words, read from a lexicon
 * generated from the `compromise` tagger (`scripts/lexicon.js`): for each word
 * it knows, the tags it gives in each place the judge reads one, and for a
 * word it does not know, what its suffix rules guess from the ending. The
 * words are split as compromise splits them (hyphens, punctuation,
 * contractions), so the judge sees the same words with the same tags,
 * without loading the tagger (most of a one-file run's start-up).
 */
import data from './lexicon.json' with {type: 'json'}
import type {TaggedWord, Tagger} from './tagger.js'

type Context = 'modal' | 'second' | 'determiner' | 'joined' | 'subject'

const contextIndex = new Map(data.contexts.map((name, index) => [name, index]))
const nextIndex = new Map(data.next.map((name, index) => [name, index]))
/** Classes of a next word, most telling first (`Determiner` before `Noun`). */
const nextClasses = data.next.slice(data.next.indexOf('Determiner'), data.next.indexOf('other'))

/**
 * Groups of words that read alike: tags (bit masks) by context, and as a
 * first word by the next word (three columns each: a short task, a long one,
 * a long one whose third word is a verb).
 */
const groups: ReadonlyArray<{
  readonly readings: readonly number[]
  readonly first: readonly number[]
  /** An unknown word made of a prefix and one of these reads as it (`reconfigured`). */
  readonly prefixed: boolean
}> = data.groups
const byWord = new Map<string, number>()
const byEnding = new Map<string, number>()
data.groups.forEach((group, index) => {
  for (const word of group.words.split(' ')) if (word) byWord.set(word, index)
  for (const ending of group.endings.split(' ')) if (ending) byEnding.set(ending, index)
})
/** Two-word entries (`look into`): the tags of each word at the start of a short task and a long one. */
const phrases = new Map<string, readonly number[]>()
for (const entry of data.phrases) for (const phrase of entry.phrases.split(',')) phrases.set(phrase, entry.readings)
const hyphenPrefixes = new Set(data.hyphenPrefixes.split(' '))
const hyphenSuffixes = new Set(data.hyphenSuffixes.split(' '))

/** The tag sets of each bit mask, made once. */
const tagSets = new Map<number, ReadonlySet<string>>()
function tagsOf(mask: number, hyphenated: boolean): ReadonlySet<string> {
  const key = hyphenated ? -mask - 1 : mask
  let tags = tagSets.get(key)
  if (!tags) {
    const set = new Set<string>()
    data.tags.forEach((tag, bit) => {
      if (mask & (1 << bit)) set.add(tag)
    })
    if (hyphenated) set.add('Hyphenated')
    tags = set
    tagSets.set(key, tags)
  }
  return tags
}

/** A word as compromise splits it out of the text. */
interface Term {
  text: string
  normal: string
  after: string
  hyphenated: boolean
  /** The tags of a contraction's second half (`n't`, `'ll`), which has no text. */
  implied?: ReadonlySet<string>
  /** The word looked up, when not its normal form (`we` for `we'll`). */
  lookup?: string
  /** A sentence ends after this word. */
  ends: boolean
}

const letterOrNumber = /[\p{L}\p{N}]/u
const keptBefore = new Set(['#', '@', '_', '°'])
const keptAfter = new Set(['%', '_', '°'])

/** Split a text into words with the punctuation before and after each (compromise's tokenizer, in short). */
function splitTerms(text: string): Term[] {
  const terms: Term[] = []
  for (const chunk of text.split(/\s+/)) {
    if (chunk === '') continue
    const parts = hasHyphen(chunk) ? chunk.split(/(?<=[-–—])/) : [chunk]
    parts.forEach((part, at) => {
      const chars = [...part]
      let start = 0
      while (
        start < chars.length &&
        !keptBefore.has(chars[start] as string) &&
        !letterOrNumber.test(chars[start] as string)
      )
        start++
      let end = chars.length
      while (end > start && !keptAfter.has(chars[end - 1] as string) && !letterOrNumber.test(chars[end - 1] as string))
        end--
      // `e.g.`, `U.S.`: an acronym keeps its last period.
      if (end < chars.length && chars[end] === '.' && /^[a-z]\.(?:[a-z]\.)+/i.test(part)) end++
      if (start >= end) {
        // Punctuation alone is no word: it goes after the word before.
        const last = terms.at(-1)
        if (last) {
          last.after += part
          last.ends ||= /[.?!]/.test(part)
        }
        return
      }
      const word = chars.slice(start, end).join('')
      const after = chars.slice(end).join('')
      const split = parts.length > 1
      for (const term of contraction(word)) {
        terms.push({...term, after: '', hyphenated: split && at < parts.length, ends: false})
      }
      const last = terms.at(-1) as Term
      last.after = after
      last.ends = /[.?!]/.test(after) && !/^[a-z]\.(?:[a-z]\.)+$/i.test(word)
    })
  }
  return terms
}

/** compromise's test for a hyphenated word it splits in two (`re-run`, not `e-mail` or `pre-deploy`). */
function hasHyphen(word: string): boolean {
  const parts = word.split(/[-–—]/)
  if (parts.length <= 1) return false
  const first = parts[0] as string
  if (first.length === 1 && /[a-z]/i.test(first)) return false
  if (hyphenPrefixes.has(first)) return false
  if (hyphenSuffixes.has((parts[1] as string).trim().replace(/[.?!]$/, ''))) return false
  return (
    /^([a-z\u00C0-\u00FF`"'/]+)[-–—]([a-z0-9\u00C0-\u00FF].*)/i.test(word) ||
    /^[('"]?([0-9]{1,4})[-–—]([a-z\u00C0-\u00FF`"'/-]+[)'"]?$)/i.test(word)
  )
}

const negative = new Set(['Negative'])
const modal = new Set(['Verb', 'Modal', 'Auxiliary'])
const copula = new Set(['Verb', 'Copula', 'PresentTense'])
const auxiliary = new Set(['Verb', 'Auxiliary'])
const contracted = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'where', 'he', 'she', 'let', 'how'])

/** `don't` and `we'll` are two words to compromise, the second with no text. */
function contraction(word: string): Array<Pick<Term, 'text' | 'normal' | 'implied' | 'lookup'>> {
  const normal = normalise(word)
  const match = /^(.+?)(n['’]t|['’](?:ll|re|ve|m|d|s))$/i.exec(normal)
  const whole = [{text: word, normal}]
  if (!match || byWord.has(normal)) return whole
  const [, stem, ending] = match as unknown as [string, string, string]
  const end = ending.replace('’', "'")
  if (end === "'s" && !contracted.has(stem)) return whole
  const implied = end === "n't" ? negative : end === "'ll" || end === "'d" ? modal : end === "'ve" ? auxiliary : copula
  return [
    {text: word, normal, lookup: stem},
    {text: '', normal: '', implied}
  ]
}

/** compromise's normal form: lowercase, no accents, no periods in an acronym. */
function normalise(word: string): string {
  let normal = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
  normal = normal.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/([0-9]),([0-9])/g, '$1$2')
  // `u.s.a.`: what `/([a-z]\.)+[a-z]\.?$/` finds, written so that it takes linear time.
  if (/[a-z]\.[a-z]\.?$/.test(normal)) normal = normal.replace(/\./g, '')
  return normal
}

const prefix = /^(?:under|over|mis|re|un|dis|semi|pre|post)-?/

/** The group of a word: its own, its stem's after a prefix, or the one guessed from its ending. */
function groupOf(normal: string): number {
  const known = byWord.get(normal)
  if (known !== undefined) return known
  const stem = normal.replace(prefix, '')
  const stemGroup = stem !== normal && stem.length > 3 ? byWord.get(stem) : undefined
  if (stemGroup !== undefined && groups[stemGroup]?.prefixed) return stemGroup
  for (let length = Math.min(7, normal.length - 1); length >= 1; length--) {
    const guessed = byEnding.get(normal.slice(-length))
    if (guessed !== undefined) return guessed
  }
  return data.unknown
}

const noTags: ReadonlySet<string> = new Set()
const nounTags = new Set(['Noun'])

/** The tags of a word the lexicon has no entry for that compromise reads by its shape. */
function shapeTags(term: Term, first: boolean): ReadonlySet<string> | undefined {
  if (byWord.has(term.lookup ?? term.normal)) return undefined
  // Numbers, times, links: values, not words.
  if (/^[\p{N}#$]/u.test(term.text) || /^(?:https?:\/\/|www\.)/i.test(term.text)) return noTags
  // An acronym (`CI`), a name mid-sentence (`Nginx`), a word with a digit (`v1`): nouns.
  if (/^\p{Lu}{2,}$/u.test(term.text) || /\p{N}/u.test(term.text)) return nounTags
  if (!first && /^\p{Lu}[\p{Ll}'’]/u.test(term.text)) return nounTags
  return undefined
}

/** Which column of a first word's table the next word picks. */
function nextColumn(next: Term | undefined): number {
  if (!next) return nextIndex.get('end') as number
  const named = nextIndex.get(next.normal)
  if (named !== undefined && next.normal !== 'end' && next.normal !== 'other') return named
  // Its class as a word that has one before it and an object after it.
  const tags = tagsIn(next, 'joined', false)
  const found = nextClasses.find((name) => tags.has(name))
  return nextIndex.get(found ?? 'other') as number
}

/** The tags of a word that is not first in its sentence. */
function tagsIn(term: Term, context: Context, first: boolean): ReadonlySet<string> {
  const shaped = term.implied ?? shapeTags(term, first)
  if (shaped) return term.hyphenated ? new Set([...shaped, 'Hyphenated']) : shaped
  const group = groups[groupOf(slashFirst(term.lookup ?? term.normal))] as (typeof groups)[number]
  return tagsOf(group.readings[contextIndex.get(context) as number] as number, term.hyphenated)
}

/** The tagger the task rules use: the generated lexicon. */
export const lexiconTagger: Tagger = {
  tag(words: string): readonly TaggedWord[] {
    const terms = splitTerms(words)
    const tagged: TaggedWord[] = []
    let start = 0
    let phrased: number | undefined
    terms.forEach((term, at) => {
      let tags: ReadonlySet<string>
      const end = terms.findIndex((item, index) => index >= start && item.ends)
      const length = (end === -1 ? terms.length : end + 1) - start
      const next = length > at - start + 1 ? terms[at + 1] : undefined
      const phrase =
        at === start && next && term.after === '' ? phrases.get(`${term.normal} ${next.normal}`) : undefined
      if (phrase) {
        tags = tagsOf(phrase[length >= 4 ? 1 : 0] as number, term.hyphenated)
        phrased = phrase[length >= 4 ? 3 : 2]
      } else if (phrased !== undefined) {
        tags = tagsOf(phrased, term.hyphenated)
        phrased = undefined
      } else if (at === start) {
        const shaped = term.implied ?? shapeTags(term, true)
        if (shaped) {
          tags = term.hyphenated ? new Set([...shaped, 'Hyphenated']) : shaped
        } else {
          const group = groups[groupOf(slashFirst(term.lookup ?? term.normal))] as (typeof groups)[number]
          const third = length >= 4 ? terms[at + 2] : undefined
          const shape = !third ? 0 : tagsIn(third, 'second', false).has('Verb') ? 2 : 1
          const column = nextColumn(next) * 3 + shape
          tags = tagsOf(group.first[column] as number, term.hyphenated)
        }
      } else {
        const previous = tagged.at(-1)
        const context: Context =
          previous?.normal === 'and' || previous?.normal === 'or'
            ? 'joined'
            : previous?.tags.has('Modal')
              ? 'modal'
              : 'second'
        tags = tagsIn(term, context === 'second' ? secondContext(term, terms[at + 1]) : context, false)
      }
      tagged.push({text: term.text, normal: term.normal, tags, after: term.after.trim()})
      if (term.ends) start = at + 1
    })
    return tagged
  },
  knows(word: string): boolean {
    return byWord.has(word)
  }
}

/** What follows a word changes it: a subject before a modal (`Config file should …`), a connective before `the`. */
function secondContext(term: Term, following: Term | undefined): Context {
  if (!following || term.ends) return 'second'
  const tags = tagsIn(following, 'second', false)
  if (tags.has('Modal') || tags.has('Copula')) return 'subject'
  return tags.has('Determiner') ? 'determiner' : 'second'
}

/** `add/remove`: compromise reads a slashed word as its first part. */
function slashFirst(normal: string): string {
  if (byWord.has(normal) || !normal.includes('/')) return normal
  return normal.split('/')[0] as string
}
