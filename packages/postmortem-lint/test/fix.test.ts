import type {PostmortemFix} from 'mdast-util-postmortem'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {fixFiles, maxFixPasses} from '../src/index.js'

/** A small lint: each rule gives the fixes it finds in a text. */
type Rule = (text: string) => PostmortemFix[]

function linter(rule: Rule) {
  let runs = 0
  const lint = (file: VFile): VFile => {
    const linted = new VFile({path: file.path, value: file.value})
    for (const fix of rule(String(file.value))) {
      const message = linted.message('Fixable', {place: {line: 1, column: fix.start + 1}})
      Object.assign(message, {fix})
    }
    return linted
  }
  return {
    lint,
    relint: async (files: VFile[]) => {
      runs++
      // The engine gives files back sorted by path, not in the order given.
      return files.map(lint).reverse()
    },
    runs: () => runs
  }
}

/** `aa` becomes `a`: fixes that overlap in `aaaa`. */
const collapse: Rule = (text) => {
  const fixes: PostmortemFix[] = []
  for (let at = text.indexOf('aa'); at !== -1; at = text.indexOf('aa', at + 1)) {
    fixes.push({start: at, end: at + 2, text: 'a', safe: true})
  }
  return fixes
}

describe('fixFiles', () => {
  it('applies the fixes that do not overlap, lints again and goes on until none is left', async () => {
    const {lint, relint, runs} = linter(collapse)
    const file = lint(new VFile({path: 'a.md', value: 'xaaaay'}))
    const other = lint(new VFile({path: 'b.md', value: 'aa'}))
    const clean = lint(new VFile({path: 'c.md', value: 'xy'}))
    const result = await fixFiles([file, other, clean], relint)
    expect(result.fixed.map((item) => [item.file.path, item.original, item.text, item.count])).toEqual([
      ['a.md', 'xaaaay', 'xay', 3],
      ['b.md', 'aa', 'a', 1]
    ])
    // Each file as last linted, in the order given: nothing left to report.
    expect(result.files.map((item) => [item.path, String(item.value), item.messages.length])).toEqual([
      ['a.md', 'xay', 0],
      ['b.md', 'a', 0],
      ['c.md', 'xy', 0]
    ])
    expect(result.files[2]).toBe(clean)
    // `xaaaay` takes three passes (one fix each: the others overlap or touch it).
    expect(runs()).toBe(3)
  })

  it('stops at the pass limit, and when fixes undo each other', async () => {
    const grow = linter((text) => [{start: text.length, end: text.length, text: '+', safe: true}])
    const grown = await fixFiles([grow.lint(new VFile({path: 'a.md', value: 'x'}))], grow.relint)
    expect(grown.fixed[0]?.text).toBe(`x${'+'.repeat(maxFixPasses)}`)
    expect(grown.fixed[0]?.count).toBe(maxFixPasses)
    expect(grow.runs()).toBe(maxFixPasses)

    const swap = linter((text) => [{start: 0, end: 1, text: text === 'x' ? 'y' : 'x', safe: true}])
    const swapped = await fixFiles([swap.lint(new VFile({path: 'a.md', value: 'x'}))], swap.relint)
    expect(swapped.fixed.map((item) => [item.text, item.count])).toEqual([['y', 1]])
    expect(swap.runs()).toBe(1)
  })

  it('leaves unsafe fixes, other messages and text that is not UTF-8 alone', async () => {
    const unsafe = linter((text) => [{start: 0, end: text.length, text: 'z', safe: false}])
    const result = await fixFiles([unsafe.lint(new VFile({path: 'a.md', value: 'aa'}))], unsafe.relint)
    expect(result.fixed).toEqual([])
    expect(unsafe.runs()).toBe(0)

    const plain = new VFile({path: 'b.md', value: 'aa'})
    plain.message('No fix here', {place: {line: 1, column: 1}})
    Object.assign(plain.messages[0] as object, {expected: ['a'], fix: {start: 0, text: 'a', safe: true}})
    expect((await fixFiles([plain], unsafe.relint)).fixed).toEqual([])

    const {lint, relint} = linter(collapse)
    const bytes = lint(new VFile({path: 'c.md', value: 'aa'}))
    bytes.value = Buffer.from([0x61, 0x61, 0xff])
    const binary = await fixFiles([bytes], relint)
    expect(binary.fixed).toEqual([])
    expect(binary.notText).toEqual([bytes])
  })
})
