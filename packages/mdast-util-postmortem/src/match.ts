import {normalizedWords, normalizeLabel, words} from './normalize.js'
import type {Profile} from './profiles.js'
import {conceptHints} from './vocabulary.js'

/** How a heading-like text was written, which sets how loosely it may match. */
export type MatchStrictness = 'heading' | 'line' | 'label'

interface Alias {
  readonly id: string
  readonly words: readonly string[]
}

const matchers = new WeakMap<Profile, readonly Alias[]>()
const hintMatchers = new WeakMap<Profile, readonly Alias[]>()
const wordIndexes = new WeakMap<readonly Alias[], WordIndex>()

/**
 * The aliases a profile recognises: its own sections' aliases first, then the
 * other known concepts (`profile.concepts`), so that a `Lessons Learned`
 * heading still ends the section before it under a profile that does not ask
 * for lessons.
 */
function aliasesOf(profile: Profile): readonly Alias[] {
  let aliases = matchers.get(profile)
  if (aliases) return aliases
  const list: Alias[] = []
  const own = new Set<string>()
  for (const section of profile.sections) {
    own.add(section.id)
    for (const text of [section.title, ...section.aliases])
      list.push({id: section.id, words: words(normalizeLabel(text))})
  }
  for (const [id, texts] of Object.entries(profile.concepts)) {
    if (own.has(id)) continue
    for (const text of texts) list.push({id, words: words(normalizeLabel(text))})
  }
  aliases = sortAliases(list)
  matchers.set(profile, aliases)
  return aliases
}

/** The hint titles a profile reads (`Detailed Analysis` for a root cause), in its languages. */
function hintsOf(profile: Profile): readonly Alias[] {
  let aliases = hintMatchers.get(profile)
  if (aliases) return aliases
  const list: Alias[] = []
  for (const [id, texts] of Object.entries(profile.hints ?? conceptHints)) {
    for (const text of texts) list.push({id, words: words(normalizeLabel(text))})
  }
  aliases = sortAliases(list)
  hintMatchers.set(profile, aliases)
  return aliases
}

function sortAliases(list: Alias[]): Alias[] {
  return list.filter((alias) => alias.words.length > 0).sort((a, b) => b.words.length - a.words.length)
}

/**
 * Words that join concepts in a title and say nothing by themselves, in the
 * languages of the vocabulary (`Root Cause and Resolution`, `Causa raíz y
 * solución`).
 */
const connectors = new Set([
  'and',
  'or',
  'the',
  'a',
  'an',
  'of',
  'our',
  'with',
  'und',
  'der',
  'die',
  'das',
  'des',
  'y',
  'e',
  'de',
  'del',
  'la',
  'el',
  'le',
  'les',
  'du',
  'd',
  'et',
  'da',
  'do'
])

/**
 * Words a question adds around a concept (`What was the root cause?`, `How
 * did we fix it?`): they say nothing when the title is a question.
 */
const questionWords = new Set([
  'what',
  'how',
  'why',
  'who',
  'when',
  'where',
  'which',
  'was',
  'were',
  'is',
  'are',
  'did',
  'does',
  'do',
  'it',
  'we',
  'this',
  'that',
  'there'
])

const questionStart = /^\W*(?:what|how|why|who|when|where|which)\b/i

/** Whether a title is written as a question. */
function isQuestion(text: string): boolean {
  return text.trimEnd().endsWith('?') || questionStart.test(text)
}

/**
 * How many words beside the aliases a text may have and still name them: a
 * heading may say `Incident Timeline of Events`, a labelled paragraph must
 * start with the label itself.
 */
function allowedExtraWords(strictness: MatchStrictness, onlySingleWords: boolean): number {
  const loose = strictness === 'heading' ? 3 : strictness === 'line' ? 2 : 1
  return onlySingleWords ? loose - 1 : loose
}

/**
 * The section ids a heading-like text names, in the order they appear in it
 * (`Root Cause and Resolution` names `root-cause` and `resolution`).
 */
export function matchSectionIds(text: string, profile: Profile, strictness: MatchStrictness): string[] {
  return [...sectionIdsOf(text, profile, strictness)]
}

/**
 * The concepts a title hints at without naming them (`Detailed Analysis`,
 * `Investigation`: a root cause, when the content gives causes).
 */
export function matchHintIds(text: string, profile: Profile, strictness: MatchStrictness): string[] {
  return [...hintIdsOf(text, profile, strictness)]
}

/** `matchSectionIds`, as a list shared by every caller: not to be changed. */
export function sectionIdsOf(text: string, profile: Profile, strictness: MatchStrictness): readonly string[] {
  return matchAliases(text, aliasesOf(profile), strictness)
}

/** `matchHintIds`, as a list shared by every caller: not to be changed. */
export function hintIdsOf(text: string, profile: Profile, strictness: MatchStrictness): readonly string[] {
  return matchAliases(text, hintsOf(profile), strictness)
}

/**
 * What a text names, by alias list and strictness: the same titles
 * (`Timeline`, `Root Cause`) and lines come back in every document and on
 * every keystroke. Keyed by the text itself, not by a key made from it: a
 * title's text is looked up for its sections and for its hints, and a
 * string computes its hash once.
 */
const matches = new WeakMap<readonly Alias[], Record<MatchStrictness, Map<string, readonly string[]>>>()
const matchesLimit = 20_000
/** No section ids: the one empty list the matchers share. */
export const noIds: readonly string[] = Object.freeze([])

function matchAliases(text: string, aliases: readonly Alias[], strictness: MatchStrictness): readonly string[] {
  let byStrictness = matches.get(aliases)
  if (!byStrictness) {
    byStrictness = {heading: new Map(), line: new Map(), label: new Map()}
    matches.set(aliases, byStrictness)
  }
  const known = byStrictness[strictness]
  let ids = known.get(text)
  if (!ids) {
    const found = findAliases(text, aliases, strictness)
    ids = found.length === 0 ? noIds : found
    if (known.size >= matchesLimit) known.clear()
    known.set(text, ids)
  }
  return ids
}

function findAliases(text: string, aliases: readonly Alias[], strictness: MatchStrictness): string[] {
  const heading = normalizedWords(text)
  if (heading.length === 0) return []
  // The alias words each word of the text is (`sameWord`), found through an
  // index instead of comparing every word with every alias.
  const index = wordIndexOf(aliases)
  // A word that is no alias word and no connector is extra whatever matches:
  // past the most extra words any match allows, the text names nothing (a
  // line of prose is told after a few words).
  const question = isQuestion(text)
  const silent = (word: string) => connectors.has(word) || (question && questionWords.has(word))
  const mostExtra = allowedExtraWords(strictness, false)
  const matched: ReadonlySet<string>[] = []
  let unmatched = 0
  let any = false
  for (const word of heading) {
    const set = aliasWordsOf(word, index)
    if (set.size > 0) any = true
    else if (!silent(word) && ++unmatched > mostExtra) return []
    matched.push(set)
  }
  if (!any) return []
  // Most lines of a document name no section: nothing to look for. Else
  // only the aliases that have one of the words found can be in the text,
  // tried in their order.
  const candidates = new Set<number>()
  const anywhere = new Set<string>()
  for (const set of matched) {
    for (const word of set) {
      if (anywhere.has(word)) continue
      anywhere.add(word)
      for (const at of index.aliasesWith.get(word) ?? []) candidates.add(at)
    }
  }
  if (candidates.size === 0) return []
  const taken: boolean[] = heading.map(() => false)
  const found: Array<{id: string; at: number}> = []
  let onlySingleWords = true
  for (const position of [...candidates].sort((a, b) => a - b)) {
    const alias = aliases[position] as Alias
    if (alias.words.length > heading.length || !alias.words.every((word) => anywhere.has(word))) continue
    const at = indexOfRun(matched, alias.words, taken)
    if (at === -1) continue
    for (let index = at; index < at + alias.words.length; index++) taken[index] = true
    if (alias.words.length > 1) onlySingleWords = false
    if (!found.some((item) => item.id === alias.id)) found.push({id: alias.id, at})
  }
  if (found.length === 0) return []
  const extra = heading.filter((word, index) => !taken[index] && !silent(word)).length
  if (extra > allowedExtraWords(strictness, onlySingleWords)) return []
  return found.sort((a, b) => a.at - b.at).map((item) => item.id)
}

/**
 * The alias words, and the aliases each word is in (by position). Words of
 * six letters or more, which `sameWord` lets differ by one edit, are also
 * kept by their first two and by their last two letters: a word one edit
 * away from such a word keeps one of the two.
 */
interface WordIndex {
  readonly aliasesWith: ReadonlyMap<string, readonly number[]>
  readonly byStart: ReadonlyMap<string, readonly string[]>
  readonly byEnd: ReadonlyMap<string, readonly string[]>
  /**
   * The answers of `aliasWordsOf` so far: documents share most of their
   * words, and most words are none of the aliases. Bounded: cleared when full.
   */
  readonly known: Map<string, ReadonlySet<string>>
}

const knownWordsLimit = 50_000

function wordIndexOf(aliases: readonly Alias[]): WordIndex {
  let index = wordIndexes.get(aliases)
  if (index) return index
  const aliasesWith = new Map<string, number[]>()
  const byStart = new Map<string, string[]>()
  const byEnd = new Map<string, string[]>()
  const add = (map: Map<string, string[]>, key: string, word: string) => {
    const list = map.get(key)
    if (!list) map.set(key, [word])
    else if (!list.includes(word)) list.push(word)
  }
  aliases.forEach((alias, at) => {
    for (const word of alias.words) {
      const list = aliasesWith.get(word)
      if (!list) aliasesWith.set(word, [at])
      else if (list.at(-1) !== at) list.push(at)
      if (word.length >= 6) {
        add(byStart, word.slice(0, 2), word)
        add(byEnd, word.slice(-2), word)
      }
    }
  })
  index = {aliasesWith, byStart, byEnd, known: new Map()}
  wordIndexes.set(aliases, index)
  return index
}

const none: ReadonlySet<string> = new Set()

/** The alias words `written` is, by `sameWord`. */
function aliasWordsOf(written: string, index: WordIndex): ReadonlySet<string> {
  const known = index.known.get(written)
  if (known) return known
  const found = findAliasWords(written, index)
  if (index.known.size >= knownWordsLimit) index.known.clear()
  index.known.set(written, found)
  return found
}

function findAliasWords(written: string, index: WordIndex): ReadonlySet<string> {
  let found: Set<string> | undefined
  if (index.aliasesWith.has(written)) found = new Set([written])
  // One edit away: from the word, or from its singular.
  if (written.length >= 5) {
    found = nearWords(written, written, index, found)
    if (written.endsWith('s')) found = nearWords(written, written.slice(0, -1), index, found)
  }
  return found ?? none
}

/** Add the alias words `written` is (by `sameWord`) that share the start or end of `form`. */
function nearWords(
  written: string,
  form: string,
  index: WordIndex,
  found: Set<string> | undefined
): Set<string> | undefined {
  const byStart = sameWords(written, index.byStart.get(form.slice(0, 2)), found)
  return sameWords(written, index.byEnd.get(form.slice(-2)), byStart)
}

function sameWords(
  written: string,
  list: readonly string[] | undefined,
  found: Set<string> | undefined
): Set<string> | undefined {
  if (list === undefined) return found
  let result = found
  for (const word of list) {
    if (result?.has(word) || !sameWord(written, word)) continue
    result ??= new Set()
    result.add(word)
  }
  return result
}

function indexOfRun(
  matched: readonly ReadonlySet<string>[],
  needle: readonly string[],
  taken: readonly boolean[]
): number {
  outer: for (let start = 0; start + needle.length <= matched.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (taken[start + offset] || !matched[start + offset]?.has(needle[offset] as string)) continue outer
    }
    return start
  }
  return -1
}

/**
 * Words match when equal, or, for words of six letters or more, when one
 * letter was mistyped, added or dropped (`Symmary`, `meausures`).
 */
function sameWord(written: string, alias: string): boolean {
  if (written === alias) return true
  if (alias.length < 6) return false
  if (Math.abs(written.length - alias.length) <= 1 && withinOneEdit(written, alias)) return true
  if (!written.endsWith('s')) return false
  const singular = written.slice(0, -1)
  return Math.abs(singular.length - alias.length) <= 1 && withinOneEdit(singular, alias)
}

function withinOneEdit(a: string, b: string): boolean {
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (b.length > a.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}
