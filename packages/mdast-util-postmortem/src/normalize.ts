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
  const ascii = asciiOnly.test(text)
  let value = (ascii ? text : text.normalize('NFKD')).toLowerCase()
  // Drop parenthetical notes: "Timeline (all times in UTC)", "Root Cause(s)".
  if (value.includes('(')) value = value.replace(/\([^()]*\)/g, ' ')
  if (value.includes('[')) value = value.replace(/\[[^[\]]*\]/g, ' ')
  // Emoji shortcodes (`:clipboard:`) and pictographs.
  if (value.includes(':')) value = value.replace(/:[a-z0-9_+-]+:/g, ' ')
  if (!ascii) value = value.replace(/\p{Extended_Pictographic}/gu, ' ')
  if (!ascii || value.includes("'") || value.includes('`')) value = value.replace(/['’`]/g, '')
  if (value.includes('mortem')) value = value.replace(/\bpost[\s-]?mortem/g, 'postmortem')
  if (value.includes('do')) value = value.replace(/\bto[\s-]do\b/g, 'todo')
  if (value.includes('follow')) value = value.replace(/\bfollow[\s-]?ups?\b/g, 'follow up')
  // In lower-case ASCII, letters and digits are `a-z` and `0-9`: the same
  // result as the Unicode classes, without their cost.
  value = ascii ? value.replace(/[^a-z0-9&]+/g, ' ') : value.replace(/[^\p{L}\p{N}&]+/gu, ' ')
  // Leading numbering: "1. Summary", "IV - Impact", "a) Timeline".
  value = ascii
    ? value.replace(/^\s*(?:\d+|[ivx]+|[a-h])\s+(?=[a-z])/, ' ')
    : value.replace(/^\s*(?:\d+|[ivx]+|[a-h])\s+(?=\p{L})/u, ' ')
  if (value.includes('&')) value = value.replace(/&/g, ' and ')
  // Every space left is ` `: the text between spaces is a word.
  const words: string[] = []
  for (const word of value.split(' ')) if (word !== '') words.push(canonicalWord(word))
  return words
}

const asciiOnly = /^\p{ASCII}*$/u

const wordVariants: ReadonlyMap<string, string> = new Map([
  ['preventive', 'preventative'],
  ['prevention', 'preventative'],
  ['learnt', 'learned'],
  ['causes', 'cause'],
  ['actions', 'action'],
  ['items', 'item'],
  ['steps', 'step'],
  ['measures', 'measure'],
  ['tasks', 'task'],
  ['factors', 'factor'],
  ['triggers', 'trigger'],
  ['lessons', 'lesson'],
  ['events', 'event'],
  ['todos', 'todo']
])

function canonicalWord(word: string): string {
  return wordVariants.get(word) ?? word
}

/** Split normalized text into words. */
export function words(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ')
}
