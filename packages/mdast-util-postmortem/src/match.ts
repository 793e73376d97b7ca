import {normalizeLabel, words} from './normalize.js'
import type {Profile} from './profiles.js'
import {conceptAliases} from './vocabulary.js'

/** How a heading-like text was written, which sets how loosely it may match. */
export type MatchStrictness = 'heading' | 'line' | 'label'

interface Alias {
  readonly id: string
  readonly words: readonly string[]
}

const matchers = new WeakMap<Profile, readonly Alias[]>()

/**
 * The aliases a profile recognises: its own sections' aliases first, then the
 * other known concepts, so that a `Lessons Learned` heading still ends the
 * section before it under a profile that does not ask for lessons.
 */
function aliasesOf(profile: Profile): readonly Alias[] {
  let aliases = matchers.get(profile)
  if (aliases) return aliases
  const list: Alias[] = []
  const own = new Set<string>()
  for (const section of profile.sections) {
    own.add(section.id)
    for (const text of [section.title, ...section.aliases]) {
      list.push({id: section.id, words: words(normalizeLabel(text))})
    }
  }
  for (const [id, texts] of Object.entries(conceptAliases)) {
    if (own.has(id)) continue
    for (const text of texts) list.push({id, words: words(normalizeLabel(text))})
  }
  aliases = list.filter((alias) => alias.words.length > 0).sort((a, b) => b.words.length - a.words.length)
  matchers.set(profile, aliases)
  return aliases
}

/** Words that join concepts in a heading and say nothing by themselves. */
const connectors = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'our', 'with'])

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
  const heading = words(normalizeLabel(text))
  if (heading.length === 0) return []
  const taken: boolean[] = heading.map(() => false)
  const found: Array<{id: string; at: number}> = []
  let onlySingleWords = true
  for (const alias of aliasesOf(profile)) {
    if (alias.words.length > heading.length) continue
    const at = indexOfRun(heading, alias.words, taken)
    if (at === -1) continue
    for (let index = at; index < at + alias.words.length; index++) taken[index] = true
    if (alias.words.length > 1) onlySingleWords = false
    if (!found.some((item) => item.id === alias.id)) found.push({id: alias.id, at})
  }
  if (found.length === 0) return []
  const extra = heading.filter((word, index) => !taken[index] && !connectors.has(word)).length
  if (extra > allowedExtraWords(strictness, onlySingleWords)) return []
  return found.sort((a, b) => a.at - b.at).map((item) => item.id)
}
function indexOfRun(haystack: readonly string[], needle: readonly string[], taken: readonly boolean[]): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (taken[start + offset] || !sameWord(haystack[start + offset] as string, needle[offset] as string))
        continue outer
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
  const singular = written.endsWith('s') ? written.slice(0, -1) : written
  return [written, singular].some((word) => Math.abs(word.length - alias.length) <= 1 && withinOneEdit(word, alias))
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
