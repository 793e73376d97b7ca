import {existsSync, readdirSync, readFileSync} from 'node:fs'
import * as path from 'node:path'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {describe, expect, it} from 'vitest'
import {formatStylish} from '../src/index.js'

// `formatStylish` lays out the report of `vfile-reporter` (what the remark
// CLI prints) itself, measuring cells faster: it must print the same bytes.

const repoRoot = path.resolve(import.meta.dirname, '../../..')

/** Lint `value` with the preset, as a file at `filePath`. */
function linted(filePath: string, value: string, profile = 'generic'): VFile {
  const processor = unified().use(remarkParse).use(remarkPresetLintPostmortem, {profile})
  const file = new VFile({path: filePath, value})
  processor.runSync(processor.parse(file), file)
  return file
}

/** Files of every kind of message and line the report has. */
function oddFiles(): VFile[] {
  const clean = new VFile({path: 'clean.md', value: '# Fine\n'})
  const odd = new VFile({path: 'docs/odd.md'})
  // Wide and combining characters, an emoji, a tab, colors in the text itself.
  odd.message('Unexpected `日本語` and `e\u0301` and 🚨 and `\ttab`', {
    place: {line: 3, column: 1},
    ruleId: 'postmortem-x',
    source: 'remark-lint'
  })
  odd.message('Text with \u001B[31mred\u001B[39m in it and a ``code `span` `` and an unclosed `tick', {
    place: {start: {line: 10, column: 2}, end: {line: 12, column: 40}},
    ruleId: 'postmortem-y'
  })
  odd.info('Just so you know\nsecond line\r\nthird line')
  const fatal = odd.message('Cannot do it', {cause: new Error('inner', {cause: new Error('innermost')})})
  fatal.fatal = true
  // A cause that is a message (a related place), and one that is not an error.
  const earlier = new VFileMessage('Earlier entry here', {place: {line: 2, column: 3}, source: 'remark-lint'})
  odd.message('Entry out of order', {place: {line: 5, column: 1}, ruleId: 'postmortem-z', cause: earlier})
  odd.message('A plain cause', {cause: 'just a string' as unknown as Error})
  const stored = new VFile({path: 'in.md'})
  stored.path = 'out.md'
  stored.stored = true
  const stdin = new VFile()
  stdin.message('From stdin')
  return [clean, odd, stored, stdin]
}

const corpus = path.resolve(repoRoot, '../shared/corpus')
const corpusAvailable = existsSync(corpus)
if (!corpusAvailable) console.warn(`Stylish test of the corpus skipped: no corpus at ${corpus} (CI has it).`)

function corpusFiles(): VFile[] {
  return readdirSync(corpus)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) =>
      linted(
        `corpus/${name}`,
        readFileSync(path.join(corpus, name), 'utf8'),
        name.startsWith('student') ? 'holberton' : 'generic'
      )
    )
}

function exampleFiles(): VFile[] {
  const examples = path.join(repoRoot, 'fixtures/examples')
  return ['2024-03-05-checkout-outage.md', 'database-failover.md', 'holberton/web-stack-outage.md'].map((name) =>
    linted(
      `fixtures/examples/${name}`,
      readFileSync(path.join(examples, name), 'utf8'),
      name.startsWith('holberton') ? 'holberton' : 'generic'
    )
  )
}

const sets: Array<[string, () => VFile[]]> = [
  ['odd messages (wide characters, causes, fatal errors, infos, stdin, a written file)', oddFiles],
  ['the example postmortems', exampleFiles],
  ...(corpusAvailable ? [['the real postmortems of the corpus', corpusFiles] as [string, () => VFile[]]] : []),
  ['no files', () => []],
  ['files without messages', () => [new VFile({path: 'a.md'}), new VFile({path: 'b.md'})]]
]

describe('formatStylish', () => {
  for (const [name, make] of sets) {
    it(`prints what vfile-reporter prints: ${name}`, () => {
      const files = make()
      for (const color of [false, true]) {
        for (const quiet of [false, true]) {
          const expected = reporter(files, {color, quiet})
          const actual = formatStylish(files, {color, quiet})
          expect(actual).toBe(expected === '' || expected.endsWith('\n') ? expected : `${expected}\n`)
        }
      }
    })
  }

  it('lays out a message the way remark does: columns as wide as their widest cell', () => {
    const [, odd] = oddFiles()
    const lines = formatStylish([odd as VFile]).split('\n')
    // `日本語` takes six columns, `e\u0301` one, 🚨 two, a tab none.
    expect(lines.filter((line) => /postmortem-[xz]/.test(line))).toEqual([
      '3:1        warning Unexpected `日本語` and `e\u0301` and 🚨 and `\ttab`                     postmortem-x remark-lint',
      '5:1        warning Entry out of order                                               postmortem-z'
    ])
  })
})
