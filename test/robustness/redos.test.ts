import {check} from 'recheck'
import {describe, expect, it} from 'vitest'
import {regexesOf, sourceFiles} from './regexes.js'

// Every regular expression of the packages' sources, checked for
// catastrophic backtracking (exponential or polynomial) with recheck: a
// document is text from anyone, and a rule must never hang the editor.
const regexes = sourceFiles().flatMap(regexesOf)

describe('regular expressions of packages/*/src', () => {
  it('are found (the extraction works)', () => {
    expect(regexes.length).toBeGreaterThan(5)
    expect(regexes.every((regex) => /^packages\/[^/]+\/src\/.+\.ts:\d+:\d+$/.test(regex.where))).toBe(true)
  })

  it('are all built from text the checker can read', () => {
    const unreadable = regexes
      .filter((regex) => regex.source === undefined)
      .map(
        (regex) =>
          `${regex.where}: \`${regex.code}\` is built at run time; build it from literals or constants of its file`
      )
    expect(unreadable).toEqual([])
  })

  it('are all free of catastrophic backtracking', {timeout: 120_000}, async () => {
    const problems: string[] = []
    for (const regex of regexes) {
      if (regex.source === undefined) continue
      const result = await check(regex.source, regex.flags, {timeout: 10_000})
      if (result.status === 'safe') continue
      const detail =
        result.status === 'vulnerable'
          ? `${result.complexity.summary}, attack ${result.attack.pattern}`
          : `not proven safe (${result.error.kind})`
      problems.push(`${regex.where}: /${regex.source}/${regex.flags} is vulnerable: ${detail}`)
    }
    expect(problems).toEqual([])
  })
})
