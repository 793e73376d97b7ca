#!/usr/bin/env node
// Generate the part-of-speech lexicon the task rules read at run time
// (packages/mdast-util-postmortem/src/tasks/lexicon.json) from the
// `compromise` tagger: every word of its lexicon is tagged in the few places
// the judge of a task reads a tag (first word of a task, after `you must`,
// after a first word, after `and`), and so is an unknown word of each ending
// compromise's suffix rules know. compromise is then only needed here and in
// the tests, not when linting.
//
// Usage: node scripts/lexicon.js           write the lexicon
//        node scripts/lexicon.js --check   exit 1 if the written one is out of date
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

export const lexiconFile = fileURLToPath(
  new URL('../packages/mdast-util-postmortem/src/tasks/lexicon.json', import.meta.url)
)

/** The tags the judge of a task reads, in the order of their bits. */
export const readTags = [
  'Verb',
  'Infinitive',
  'Imperative',
  'PhrasalVerb',
  'PresentTense',
  'PastTense',
  'Participle',
  'Gerund',
  'Modal',
  'Auxiliary',
  'Copula',
  'Noun',
  'Pronoun',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Adverb',
  'Adjective'
]

/**
 * The places a tag is read after the first word, each as a frame around the
 * word (`$`) and the index of the word in it (the first word's tags are read
 * by what follows it: see `nextWords`):
 * - `modal`: after `you must` (how `readsAsVerb` asks);
 * - `second`: after a first word that is no verb, before a noun (`Root cause review`);
 * - `determiner`: the same before a determiner (`Alert when the cluster …`);
 * - `joined`: after `and` (`Review and update …`);
 * - `subject`: after a first word, before a modal (`Config file should …`).
 */
export const contexts = [
  {name: 'modal', frame: 'you must $ the service', at: 2},
  {name: 'second', frame: 'script $ systems', at: 1},
  {name: 'determiner', frame: 'script $ the service', at: 1},
  {name: 'joined', frame: 'review and $ the service', at: 2},
  {name: 'subject', frame: 'script $ should be', at: 1}
]

// compromise reads an unknown `re-` or `un-` word as the word after the
// prefix, when that is a verb or an adjective (`reconfigured`, `retries`).
const prefixedTags = new Set(['Verb', 'Infinitive', 'PastTense', 'Gerund', 'PresentTense', 'Adjective', 'Participle'])

// A made-up stem that compromise knows nothing of, to read what its rules
// guess for an unknown word from its ending alone.
const unknownStem = 'zorb'

// Tags of names and places: such a word reads as an unknown word does.
const nameTags = new Set(
  'FemaleName MaleName LastName FirstName Person City Country Region Place ProperNoun Organization SportsTeam Demonym Currency'.split(
    ' '
  )
)

const require = createRequire(import.meta.url)

/** compromise's tagger, loaded on first use. */
function compromise() {
  return require('compromise/two')
}

const jsonOptions = {
  text: false,
  normal: false,
  offset: false,
  terms: {text: true, normal: true, tags: true, post: true}
}

/**
 * The tagger the lexicon is generated from, as the task rules used it: the
 * words' text, normal form, tags and the punctuation after each.
 */
export const compromiseTagger = {
  tag(words) {
    const json = compromise()(words).json(jsonOptions)
    const tagged = []
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
    return tagged
  },
  knows(word) {
    return compromise().world().model.one.lexicon[word] !== undefined
  }
}

function bits(tags) {
  let mask = 0
  readTags.forEach((tag, bit) => {
    if (tags.has(tag)) mask |= 1 << bit
  })
  return mask
}

/** The tags of the word at `at` of `text`, as a bit mask; -1 when compromise splits the text otherwise. */
function readingIn(nlp, text, at) {
  const terms = nlp(text).docs.flat()
  const term = terms[at]
  return terms.length === text.split(' ').length && term ? bits(term.tags) : -1
}

/** The tags of `word` in each context. */
function readings(nlp, word) {
  return contexts.map(({frame, at}) => readingIn(nlp, frame.replace('$', word), at))
}

/**
 * What follows the first word of a task changes its tags (`Roll back the
 * release` against `Roll the dice`): the next word's class, named by a word
 * of that class, or the next word itself for the words compromise's rules
 * name. `$` is the first word; a task of four words or more is read with two
 * more nouns after these.
 */
export const nextWords = [
  ['end', ''],
  ...'the a to and or of for on in with by up down out off back over it this all not'
    .split(' ')
    .map((word) => [word, word]),
  ['Determiner', 'every'],
  ['Pronoun', 'them'],
  ['Preposition', 'from'],
  ['Conjunction', 'but'],
  ['Modal', 'should'],
  ['Copula', 'is'],
  ['Auxiliary', 'has'],
  ['Adverb', 'quickly'],
  ['Gerund', 'configuring'],
  ['PastTense', 'restarted'],
  ['PresentTense', 'ensures'],
  ['Infinitive', 'deploy'],
  ['Adjective', 'new'],
  ['Noun', 'systems'],
  ['other', '42']
]

/** The class of a word as the next word of a task: its reading after a first word that is no verb. */
export const classOrder = nextWords
  .slice(
    nextWords.findIndex(([name]) => name === 'Determiner'),
    -1
  )
  .map(([name]) => name)

/**
 * The tags of a first word `word` before each next word: in a short task, in
 * a long one, and in a long one whose third word is a verb (`Training
 * materials were updated`: a statement).
 */
function firstWordTable(nlp, word) {
  return nextWords.map(([, next]) => {
    if (next === '') return [readingIn(nlp, word, 0), readingIn(nlp, word, 0), readingIn(nlp, word, 0)]
    return [
      readingIn(nlp, `${word} ${next}`, 0),
      readingIn(nlp, `${word} ${next} in production`, 0),
      readingIn(nlp, `${word} ${next} were updated`, 0)
    ]
  })
}

/** Build the lexicon. */
export function generateLexicon() {
  const nlp = compromise()
  const world = nlp.world().model
  const lexicon = world.one.lexicon
  const switches = world.two.switches
  // Words that read alike in every context, and whose switch (`Noun|Verb`) is the same, share a group.
  const groups = new Map()
  const groupOf = (word, values, form, prefixed = false) => {
    const key = `${values.join(',')} ${form} ${prefixed}`
    let group = groups.get(key)
    if (!group) {
      group = {readings: values, first: firstWordTable(nlp, word), prefixed, words: [], endings: []}
      groups.set(key, group)
    }
    return group
  }
  // What an unknown word is read as, by its ending: an unknown stem with each
  // ending of the words compromise knows, and each of its suffix rules.
  const unknown = groupOf(unknownStem, readings(nlp, unknownStem), '')
  // Endings of up to four letters that five words or more share, and the suffix rules'.
  const counts = new Map()
  for (const word of Object.keys(lexicon)) {
    if (!/^[a-z]+$/.test(word)) continue
    for (let length = 1; length <= 4 && length < word.length - 1; length++) {
      const ending = word.slice(-length)
      counts.set(ending, (counts.get(ending) ?? 0) + 1)
    }
  }
  const endings = new Set([...counts].filter(([, count]) => count >= 5).map(([ending]) => ending))
  for (const table of world.two.suffixPatterns) {
    for (const suffix of Object.keys(table ?? {})) if (/^[a-z]+$/.test(suffix)) endings.add(suffix)
  }
  const guessed = new Map()
  const guess = (word) => {
    for (let length = Math.min(7, word.length - 1); length >= 1; length--) {
      const found = guessed.get(word.slice(-length))
      if (found) return found
    }
    return unknown
  }
  // Shorter endings first: a longer one is kept only where it reads otherwise.
  for (const ending of [...endings].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    const synthetic = `${unknownStem}${ending}`
    const values = readings(nlp, synthetic)
    if (values.includes(-1)) continue
    const group = groupOf(synthetic, values, '')
    if (group === guess(ending)) continue
    guessed.set(ending, group)
    group.endings.push(ending)
  }
  // Every word compromise knows, unless the guess from its ending reads it the same.
  for (const word of Object.keys(lexicon).sort()) {
    if (!/^[a-z][a-z'.&]*$/.test(word)) continue
    // Names and places read as the nouns an unknown word is, unless they can be a verb (`mark`).
    if (!switches[word] && [lexicon[word]].flat().every((tag) => nameTags.has(tag))) continue
    const values = readings(nlp, word)
    if (values.includes(-1)) continue
    const group = groupOf(word, values, switches[word] ?? '', prefixedTags.has(lexicon[word]))
    // `knows` is asked after `you must`: a known verb there is kept even when guessed alike.
    const modalVerb = (values[0] & 3) === 3
    if (group === guess(word) && !modalVerb) continue
    group.words.push(word)
  }
  // Two-word entries (`look into`, `even if`) tag both words as one, at the start of a task.
  const phrases = new Map()
  for (const phrase of Object.keys(lexicon).sort()) {
    if (!/^[a-z]+ [a-z]+$/.test(phrase)) continue
    const tags = [lexicon[phrase]].flat()
    if (tags.every((tag) => nameTags.has(tag)) || (tags.includes('PhrasalVerb') && !tags.includes('Infinitive')))
      continue
    const values = [0, 1].flatMap((at) => [readingIn(nlp, phrase, at), readingIn(nlp, `${phrase} in production`, at)])
    if (values.includes(-1)) continue
    const key = values.join(',')
    if (!phrases.has(key)) phrases.set(key, {readings: values, phrases: []})
    phrases.get(key).phrases.push(phrase)
  }
  const used = [...groups.values()].filter(
    (group) => group === unknown || group.words.length > 0 || group.endings.length > 0
  )
  return {
    comment: 'Generated by scripts/lexicon.js from compromise; do not edit.',
    source: `compromise ${nlp.version}`,
    tags: readTags,
    contexts: contexts.map((context) => context.name),
    next: nextWords.map(([name]) => name),
    // How compromise splits `re-run` in two but keeps `pre-deploy` and `lock-free` whole.
    hyphenPrefixes: Object.keys(world.one.prefixes).sort().join(' '),
    hyphenSuffixes: Object.keys(world.one.suffixes).sort().join(' '),
    unknown: used.indexOf(unknown),
    // Per phrase: its first word's tags in a short task and a long one, then its second word's.
    phrases: [...phrases.values()].map((entry) => ({readings: entry.readings, phrases: entry.phrases.join(',')})),
    groups: used.map((group) => ({
      readings: group.readings,
      first: group.first.flat(),
      prefixed: group.prefixed,
      endings: group.endings.join(' '),
      words: group.words.join(' ')
    }))
  }
}

/** The lexicon as written to its file (the formatter may lay it out otherwise: compare it parsed). */
export function lexiconText(lexicon = generateLexicon()) {
  return `${JSON.stringify(lexicon, null, 2)}\n`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = lexiconText()
  if (process.argv.includes('--check')) {
    const current = JSON.stringify(JSON.parse(readFileSync(lexiconFile, 'utf8')))
    if (current !== JSON.stringify(JSON.parse(text))) {
      console.error(`${lexiconFile} is out of date: run \`node scripts/lexicon.js\``)
      process.exit(1)
    }
  } else {
    writeFileSync(lexiconFile, text)
    console.log(`Wrote ${lexiconFile} (${text.length} bytes)`)
  }
}
