#!/usr/bin/env node
// How closely the task lexicon's tags follow compromise's, on the words the
// task rules actually tag: every text the preset asks tags for while linting
// the fixtures and the corpus (when it is there). The messages are compared
// by test/lexicon-equivalence.test.ts; this prints the tags' agreement, for
// all words, first words, and the words compromise does not know (where the
// lexicon guesses by the ending, as compromise does).
//
// Usage: node scripts/lexicon-agreement.js   (after `npx tsc -b`)
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {globSync} from 'glob'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {lexiconTagger} from '../packages/mdast-util-postmortem/dist/tasks/lexicon.js'
import {setTagger} from '../packages/mdast-util-postmortem/dist/tasks/tagger.js'
import {corpusAvailable, corpusDir, corpusFiles, profileFor, readLabels} from './corpus-evaluation.js'
import {compromiseTagger, readTags} from './lexicon.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')
const documents = globSync('fixtures/**/*.md', {cwd: root}).map((name) => ({
  path: path.join(root, name),
  profile: 'generic'
}))
if (corpusAvailable()) {
  const labels = readLabels()
  for (const name of corpusFiles())
    documents.push({path: path.join(corpusDir, name), profile: profileFor(name, labels)})
} else {
  console.log(`No corpus at ${corpusDir}: fixtures only.`)
}

// Record every text the rules have tagged.
const texts = new Set()
setTagger({
  tag(words) {
    texts.add(words)
    return compromiseTagger.tag(words)
  },
  knows: compromiseTagger.knows
})
for (const document of documents) {
  const file = new VFile({path: document.path, value: readFileSync(document.path, 'utf8')})
  const processor = unified().use(remarkParse).use(remarkPresetLintPostmortem, {profile: document.profile})
  await processor.run(processor.parse(file), file)
}
setTagger()

const read = (word) =>
  [...word.tags]
    .filter((tag) => readTags.includes(tag) || tag === 'Hyphenated')
    .sort()
    .join(' ')
// How the judge reads a first word: an imperative verb or not, and what it names it in a message.
const judged = (word) => {
  const tags = word.tags
  const verb =
    tags.has('Verb') &&
    !['Gerund', 'PastTense', 'Modal', 'Auxiliary'].some((tag) => tags.has(tag)) &&
    (tags.has('Copula')
      ? word.normal === 'be'
      : ['Infinitive', 'Imperative', 'PhrasalVerb'].some((tag) => tags.has(tag)))
  const names = ['Pronoun', 'Determiner', 'Gerund', 'PastTense', 'Modal', 'Adverb', 'Preposition', 'Adjective', 'Noun']
  return `${verb} ${names.find((tag) => tags.has(tag)) ?? ''}`
}
const count = {
  texts: 0,
  split: 0,
  words: 0,
  same: 0,
  first: 0,
  firstSame: 0,
  firstJudged: 0,
  unknown: 0,
  unknownSame: 0
}
const differences = []
for (const text of texts) {
  count.texts++
  const expected = compromiseTagger.tag(text)
  const actual = lexiconTagger.tag(text)
  const split = (words) => words.map((word) => `${word.text}|${word.normal}|${word.after}`).join(' ')
  if (split(expected) !== split(actual)) {
    count.split++
    differences.push(`split  ${JSON.stringify(text)}`)
    continue
  }
  expected.forEach((word, at) => {
    const same = read(word) === read(actual[at])
    count.words++
    if (same) count.same++
    if (at === 0) {
      count.first++
      if (same) count.firstSame++
      if (judged(word) === judged(actual[at])) count.firstJudged++
      else differences.push(`first  ${JSON.stringify(text)}: ${read(word)} | lexicon: ${read(actual[at])}`)
    }
    if (word.normal && !compromiseTagger.knows(word.normal)) {
      count.unknown++
      if (same) count.unknownSame++
    }
  })
}
const share = (part, whole) => `${part}/${whole} (${((100 * part) / Math.max(whole, 1)).toFixed(1)}%)`
console.log(`${count.texts} texts tagged while linting ${documents.length} documents`)
console.log(`split into the same words:          ${share(count.texts - count.split, count.texts)}`)
console.log(`same tags (those the judge reads):  ${share(count.same, count.words)} words`)
console.log(`  first words of a task:            ${share(count.firstSame, count.first)}`)
console.log(
  `  read alike by the judge:          ${share(count.firstJudged, count.first)} (verb or not, how a message names it)`
)
console.log(`  words compromise does not know:   ${share(count.unknownSame, count.unknown)}`)
if (process.argv.includes('--verbose')) for (const line of differences) console.log(line)
