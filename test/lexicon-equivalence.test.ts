import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {globSync} from 'glob'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {afterAll, describe, expect, it} from 'vitest'
import {lexiconTagger} from '../packages/mdast-util-postmortem/dist/tasks/lexicon.js'
import {setTagger, type Tagger} from '../packages/mdast-util-postmortem/dist/tasks/tagger.js'
// @ts-expect-error: plain JavaScript module shared with `pnpm corpus`.
import * as corpus from '../scripts/corpus-evaluation.js'
// @ts-expect-error: plain JavaScript module, the lexicon's generator.
import {compromiseTagger} from '../scripts/lexicon.js'

// The task rules tag words with a lexicon generated from compromise, not with
// compromise itself: every document must get the same messages either way.

const root = path.resolve(fileURLToPath(import.meta.url), '../..')

interface Document {
  readonly name: string
  readonly value: string
  readonly profile: string
}

/** Every message of the preset on each document, as `file [profile] line:column ruleId: reason`. */
async function messages(documents: readonly Document[], tagger: Tagger): Promise<string[]> {
  setTagger(tagger)
  const lines: string[] = []
  for (const document of documents) {
    const file = new VFile({path: document.name, value: document.value})
    const processor = unified().use(remarkParse).use(remarkPresetLintPostmortem, {profile: document.profile})
    await processor.run(processor.parse(file), file)
    for (const message of file.messages) {
      lines.push(
        `${document.name} [${document.profile}] ${message.line}:${message.column} ${message.ruleId}: ${message.reason}`
      )
    }
  }
  return lines
}

afterAll(() => setTagger())

describe('the lexicon against compromise', () => {
  it('gives the same messages on every fixture, with the generic and the holberton profiles', async () => {
    const documents = globSync('fixtures/**/*.md', {cwd: root})
      .sort()
      .flatMap((name) => {
        const value = readFileSync(path.join(root, name), 'utf8')
        return ['generic', 'holberton'].map((profile) => ({name, value, profile}))
      })
    expect(documents.length).toBeGreaterThan(100)
    const expected = await messages(documents, compromiseTagger)
    expect(expected.some((line) => line.includes('postmortem-actionable-tasks'))).toBe(true)
    expect(await messages(documents, lexiconTagger)).toEqual(expected)
  })

  const available: boolean = corpus.corpusAvailable()
  if (!available) console.warn(`Corpus comparison skipped: no corpus at ${corpus.corpusDir}.`)

  it.runIf(available)('gives the same messages on every real postmortem of the corpus', async () => {
    const labels = corpus.readLabels()
    const documents: Document[] = corpus.corpusFiles().map((name: string) => ({
      name,
      value: readFileSync(path.join(corpus.corpusDir, name), 'utf8'),
      profile: corpus.profileFor(name, labels)
    }))
    const expected = await messages(documents, compromiseTagger)
    expect(expected.filter((line) => line.includes('postmortem-actionable-tasks')).length).toBeGreaterThan(100)
    expect(await messages(documents, lexiconTagger)).toEqual(expected)
  })
})
