import {readFileSync, statSync, utimesSync} from 'node:fs'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  cliBin,
  fixtures,
  makeTempDir,
  removeTempDir,
  repoRoot,
  runCli,
  runProgram,
  squeeze,
  writeFiles
} from './support.js'

// `postmortem-lint --fix` on the shapes real postmortems have, written in
// fixtures/fix/: each file is fixed in place, byte for byte the same where
// no fix is, and the report and the exit code are what is left.
const fixFixtures = path.join(repoRoot, 'fixtures/fix')
const shapes = ['bold-lines.md', 'title-lines.md', 'wrong-zone.md', 'no-final-newline.md', 'crlf.md']
const original = (name: string) => readFileSync(path.join(fixFixtures, name), 'utf8')
const good = readFileSync(path.join(fixtures, 'good.md'), 'utf8')
const missingSections = readFileSync(path.join(fixtures, 'missing-sections.md'), 'utf8')

let project = ''
const read = (name: string) => readFileSync(path.join(project, name), 'utf8')
const lint = (...args: string[]) => runCli(args, project)

beforeAll(() => {
  project = makeTempDir('fix')
  writeFiles(project, {
    ...Object.fromEntries(shapes.map((name) => [name, original(name)])),
    'good.md': good,
    'missing-sections.md': missingSections
  })
})

afterAll(() => removeTempDir(project))

describe('postmortem-lint --fix', {timeout: 180_000}, () => {
  it('makes bold pseudo-headings headings, blank line after one that had its text right under it', async () => {
    const outcome = await lint('--fix', 'bold-lines.md')
    expect(read('bold-lines.md')).toBe(
      original('bold-lines.md')
        .replace('**Summary**\n', '## Summary\n\n')
        .replace('**Impact:**', '## Impact')
        .replace('**Timeline**', '## Timeline')
        .replace('**Root cause**', '## Root cause')
        .replace('**Resolution**', '## Resolution')
    )
    expect(read('bold-lines.md').split('\n').slice(0, 6)).toEqual([
      '# Payment retries stuck, 9 July 2024',
      '',
      '## Summary',
      '',
      'From 14:05 to 14:50 UTC, 12% of card payments were retried for 45 minutes',
      'before they went through.'
    ])
    // A title in a list item is left to the writer (a heading there would end the list).
    expect(squeeze(outcome.stdout)).toBe(
      'bold-lines.md\n26:3-26:19 warning Unexpected section `Action Items` written as a bold line, expected a heading such as `## Action items` postmortem-required-sections remark-lint\n\n⚠ 1 warning\n'
    )
    expect(outcome.stderr).toBe('postmortem-lint: fixed 5 problems in `bold-lines.md`\n')
    expect(outcome.code).toBe(1)
  })

  it('makes `Title:` lines headings, an indented one too, and exits 0 when nothing is left', async () => {
    const outcome = await lint('--fix', 'title-lines.md')
    expect(read('title-lines.md')).toBe(`# Login outage, 2 February 2024

## Issue Summary

Between 08:10 and 08:40 UTC, 30% of login attempts failed for 30 minutes.

## Impact

Sign-in failed for about 9,000 users.

## Timeline

- 08:10 UTC: error rate on the login service rises
- 08:25 UTC: bad certificate found on one load balancer
- 08:40 UTC: certificate replaced

## Root cause

The certificate on one load balancer expired.

## Resolution

The certificate was replaced and its renewal fixed.

## Action Items

- Alert 14 days before any certificate expires
- Add the load balancer certificates to the renewal job
`)
    expect(outcome.stdout).toBe('title-lines.md: no issues found\n')
    expect(outcome.stderr).toBe('postmortem-lint: fixed 6 problems in `title-lines.md`\n')
    expect(outcome.code).toBe(0)
  })

  it('gives a zone its name on the date (PST in July is PDT)', async () => {
    const outcome = await lint('--fix', 'wrong-zone.md')
    expect(read('wrong-zone.md')).toBe(original('wrong-zone.md').replaceAll(' PST:', ' PDT:'))
    expect(read('wrong-zone.md')).toContain('- 09:00 PDT: index lag alert fires\n- 09:30 PDT: a stuck indexing job')
    expect(outcome.stderr).toBe('postmortem-lint: fixed 3 problems in `wrong-zone.md`\n')
    expect(outcome.code).toBe(0)
  })

  it('fixes a last line without a line ending and leaves it without; an empty heading is not inserted', async () => {
    const outcome = await lint('--fix', 'no-final-newline.md')
    const text = read('no-final-newline.md')
    expect(text).toBe(
      original('no-final-newline.md').replace(
        '\n-Add a size check on cache entries to the release pipeline',
        '\n- Add a size check on cache entries to the release pipeline'
      )
    )
    expect(text.endsWith('## Action items\n\n- Add a size check on cache entries to the release pipeline')).toBe(true)
    expect(squeeze(outcome.stdout)).toBe(
      'no-final-newline.md\n7:1 warning Unexpected missing section `Impact`, expected a heading such as `## Impact` postmortem-required-sections remark-lint\n\n⚠ 1 warning\n'
    )
    expect(outcome.stderr).toBe('postmortem-lint: fixed 1 problem in `no-final-newline.md`\n')
    expect(outcome.code).toBe(1)
  })

  it('keeps CRLF line endings, in what it adds too', async () => {
    expect(original('crlf.md')).toContain('\r\n**Impact**\r\nAbout 18,000')
    const outcome = await lint('--fix', 'crlf.md')
    expect(read('crlf.md')).toBe(
      original('crlf.md')
        .replace('\r\n**Impact**\r\n', '\r\n## Impact\r\n\r\n')
        .replace('\r\n-Move malformed', '\r\n- Move malformed')
    )
    expect(read('crlf.md').replaceAll('\r\n', '')).not.toContain('\n')
    expect(outcome.stdout).toBe('crlf.md: no issues found\n')
    expect(outcome.code).toBe(0)
  })

  it('leaves a file with nothing safe to fix as it is, not even written', async () => {
    const past = new Date('2024-01-01T00:00:00Z')
    for (const name of ['good.md', 'missing-sections.md']) utimesSync(path.join(project, name), past, past)
    const outcome = await lint('--fix', 'good.md', 'missing-sections.md')
    expect(read('good.md')).toBe(good)
    expect(read('missing-sections.md')).toBe(missingSections)
    for (const name of ['good.md', 'missing-sections.md']) {
      expect(statSync(path.join(project, name)).mtimeMs).toBe(past.getTime())
    }
    // The missing sections are editor quick fixes only.
    expect(squeeze(outcome.stdout)).toContain('8:1 warning Unexpected missing section `Impact`')
    expect(outcome.stderr).toBe('')
    expect(outcome.code).toBe(1)
  })

  it('with `-`, prints the fixed text and puts the report on stderr', async () => {
    const input = original('wrong-zone.md').replace('## Impact', '**Impact**')
    const outcome = await runProgram(process.execPath, [cliBin, '--fix', '--stdin-filename', 'pm.md', '-'], {
      cwd: project,
      input
    })
    expect(outcome.stdout).toBe(original('wrong-zone.md').replaceAll(' PST:', ' PDT:'))
    expect(outcome.stderr).toBe('postmortem-lint: fixed 4 problems in `pm.md`\npm.md: no issues found\n')
    expect(outcome.code).toBe(0)

    const untouched = await runProgram(process.execPath, [cliBin, '--fix', '-'], {cwd: project, input: good})
    expect(untouched.stdout).toBe(good)
    expect(untouched.stderr).toBe('<stdin>: no issues found\n')
  })
})
