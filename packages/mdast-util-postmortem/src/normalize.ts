/**
 * Turn a heading-like text into the words used to match it against section
 * aliases: lower case, no emoji, numbering, punctuation, parenthetical notes or
 * emphasis marks, and the spelling variants writers use for the same concept.
 */
export function normalizeLabel(text: string): string {
  return normalizedWords(text).join(' ')
}

/** The words of `normalizeLabel(text)`, as `words` splits them. */
export function normalizedWords(text: string): string[] {
  // Each replacement below runs only when the text holds what it looks for
  // (most headings and lines hold none): the same result, fewer passes.
  // ASCII text is its own NFKD form and holds no pictograph.
  const ascii = isAscii(text)
  let value = (ascii ? text : text.normalize('NFKD')).toLowerCase()
  // Drop parenthetical notes: "Timeline (all times in UTC)", "Root Cause(s)".
  if (value.includes('(')) value = value.replace(/\([^()]*\)/g, ' ')
  if (value.includes('[')) value = value.replace(/\[[^[\]]*\]/g, ' ')
  // Emoji shortcodes (`:clipboard:`) and pictographs.
  if (value.includes(':')) value = value.replace(/:[a-z0-9_+-]+:/g, ' ')
  // NFKD writes `é` as `e` and a combining accent: drop the accent, or the
  // word would break in two (`Résumé`).
  if (!ascii) value = value.replace(/\p{Extended_Pictographic}/gu, ' ').replace(/\p{M}/gu, '')
  if (!ascii || value.includes("'") || value.includes('`')) value = value.replace(/['’`]/g, '')
  if (value.includes('mortem')) value = value.replace(/\bpost[\s-]?mortem/g, 'postmortem')
  if (value.includes('do')) value = value.replace(/\bto[\s-]do\b/g, 'todo')
  if (value.includes('follow')) value = value.replace(/\bfollow[\s-]?ups?\b/g, 'follow up')
  // The words are the runs of letters, digits and `&`. In lower-case ASCII,
  // letters and digits are `a-z` and `0-9`: the same runs as the Unicode
  // classes give, without their cost.
  const runs = (ascii ? value.match(/[a-z0-9&]+/g) : value.match(/[\p{L}\p{N}&]+/gu)) ?? []
  // Leading numbering: "1. Summary", "2.1 Root cause", "IV - Impact", "a) Timeline".
  let skip = 0
  while (/^\d+$/.test(runs[skip] ?? '') && runs[skip + 1] !== undefined && /^\d/.test(runs[skip + 1] as string)) skip++
  const second = runs[skip + 1]
  if (second !== undefined && startsWithLetter(second) && numbering.test(runs[skip] as string)) skip++
  else skip = 0
  const words: string[] = []
  for (let index = skip; index < runs.length; index++) {
    const run = runs[index] as string
    if (!run.includes('&')) {
      words.push(stemWord(run))
      continue
    }
    // `R&D`, `Q & A`: each `&` is the word `and`.
    run.split('&').forEach((part, at) => {
      if (at > 0) words.push('and')
      if (part !== '') words.push(stemWord(part))
    })
  }
  return words
}

const numbering = /^(?:\d+|[ivx]+|[a-h])$/
const letter = /^\p{L}/u

function startsWithLetter(word: string): boolean {
  const code = word.charCodeAt(0)
  return (code >= 97 && code <= 122) || (code > 127 && letter.test(word))
}

/** Whether every character is ASCII (a loop: no Unicode-mode regex). */
function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 127) return false
  return true
}

/** Spellings of one word that stemming alone would not join. */
const wordVariants: ReadonlyMap<string, string> = new Map([
  ['preventive', 'preventative'],
  ['prevention', 'preventative'],
  ['learnt', 'learned'],
  ['todos', 'todo']
])

/**
 * Words that are never stemmed: the words that join others (`was`, `its`)
 * keep their form, so that lists of them stay readable.
 */
const unstemmed = new Set(['was', 'is', 'its', 'this', 'has', 'does', 'us', 'yes', 'plus', 'les', 'des', 'das', 'dos'])

/**
 * A light stemmer for the words of titles: plurals become singular
 * (`causes`, `fixes`, `summaries`, `measures`), so that one alias serves
 * both. Deliberately no more than plurals: a full stemmer (Porter) joins
 * `improve` with `improvements`, and a task line `Improve monitoring` would
 * read as a section title.
 */
export function stemWord(word: string): string {
  const variant = wordVariants.get(word)
  if (variant !== undefined) return variant
  if (word.length < 4 || unstemmed.has(word) || !word.endsWith('s')) return word
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (word.endsWith('sses')) return word.slice(0, -2)
  if (/(?:ch|sh|x|z)es$/.test(word)) return word.slice(0, -2)
  if (/(?:ss|us|is|ys|as|os)$/.test(word)) return word
  return word.slice(0, -1)
}

/** Split normalized text into words. */
export function words(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ')
}

/**
 * Whether the character at `index` is what `\s` matches, without running a
 * regular expression per character.
 */
export function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 160) return false
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * `text` on one line: each run of spaces (see `isSpaceAt`) as one space,
 * none at either end, as `text.replace(/\s+/g, ' ').trim()` gives it. Most
 * texts have nothing to change: they are told so without a new string.
 */
export function oneLine(text: string): string {
  // Whether the character before is a space, or there is none.
  let afterSpace = true
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code === 32) {
      if (afterSpace) return collapseSpaces(text)
      afterSpace = true
    } else if (code < 32 || (code >= 160 && isSpaceAt(text, at))) return collapseSpaces(text)
    else afterSpace = false
  }
  return afterSpace && text.length > 0 ? collapseSpaces(text) : text
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Whether `text` has a character other than a space (see `isSpaceAt`) from `from` to `to`. */
export function hasNonSpace(text: string, from = 0, to = text.length): boolean {
  for (let at = from; at < to; at++) if (!isSpaceAt(text, at)) return true
  return false
}

/**
 * A table of words with no prototype: `table.constructor` or
 * `table.toString` is no entry (a word of the text can be any key).
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries))
}
