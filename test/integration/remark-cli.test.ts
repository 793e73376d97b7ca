import {readFileSync, realpathSync} from 'node:fs'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  fixtures,
  linkPackages,
  makeTempDir,
  type Outcome,
  removeTempDir,
  repoRoot,
  runProgram,
  squeeze,
  writeFiles
} from './support.js'

// The remark CLI itself, as a project that installed remark-cli and the preset
// runs it in CI: `remark --frail` with the config in `.remarkrc`.
const remarkCli = path.join(realpathSync(path.join(repoRoot, 'node_modules/remark-cli')), 'cli.js')
const good = readFileSync(path.join(fixtures, 'good.md'), 'utf8')
const missingSections = readFileSync(path.join(fixtures, 'missing-sections.md'), 'utf8')
const outOfOrder = readFileSync(path.join(fixtures, 'out-of-order.md'), 'utf8')

let project: string | undefined

function remark(args: readonly string[]): Promise<Outcome> {
  return runProgram(process.execPath, [remarkCli, '--no-color', '--no-stdout', ...args], {cwd: project!})
}

describe('the remark CLI with a .remarkrc that uses the preset', {timeout: 120_000}, () => {
  beforeAll(() => {
    project = makeTempDir('remark-cli')
    linkPackages(project, ['remark-preset-lint-postmortem', 'remark-lint-postmortem-required-sections'])
    writeFiles(project, {
      '.remarkrc': JSON.stringify({plugins: [['remark-preset-lint-postmortem', {profile: 'generic'}]]}, null, 2),
      'postmortems/2024-05-14-search.md': good,
      'postmortems/2024-05-15-search-again.md': missingSections,
      'ordered/.remarkrc': JSON.stringify({
        plugins: ['remark-preset-lint-postmortem', ['remark-lint-postmortem-required-sections', {order: true}]]
      }),
      'ordered/2024-05-16.md': outOfOrder,
      'disabled/2024-05-17.md': `<!-- lint disable postmortem-required-sections -->\n\n${missingSections}`
    })
  })
  afterAll(() => removeTempDir(project))

  it('--frail fails on warnings and prints them', async () => {
    const outcome = await remark(['--frail', 'postmortems'])
    expect(outcome.code).toBe(1)
    expect(outcome.stdout).toBe('')
    expect(squeeze(outcome.stderr)).toBe(
      [
        'postmortems/2024-05-14-search.md: no issues found',
        'postmortems/2024-05-15-search-again.md',
        '8:1 warning Unexpected missing section `Impact`, expected a heading such as `## Impact` postmortem-required-sections remark-lint',
        '19:1 warning Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause` postmortem-required-sections remark-lint',
        '',
        '⚠ 2 warnings',
        ''
      ].join('\n')
    )
  })

  it('without --frail, warnings do not fail', async () => {
    const outcome = await remark(['postmortems/2024-05-15-search-again.md'])
    expect(outcome.code).toBe(0)
    expect(squeeze(outcome.stderr)).toContain('⚠ 2 warnings')
  })

  it('--frail passes a good postmortem', async () => {
    const outcome = await remark(['--frail', 'postmortems/2024-05-14-search.md'])
    expect(outcome.code).toBe(0)
    expect(outcome.stderr).toBe('postmortems/2024-05-14-search.md: no issues found\n')
  })

  it('a nearer .remarkrc reconfigures a rule listed after the preset', async () => {
    const outcome = await remark(['--frail', 'ordered'])
    expect(outcome.code).toBe(1)
    expect(squeeze(outcome.stderr)).toBe(
      [
        'ordered/2024-05-16.md',
        '29:1-29:14 warning Unexpected section `Root Cause` after `Resolution`, expected it before, as in the `generic` profile postmortem-required-sections remark-lint',
        ' [cause]:',
        ' 25:1-25:14 info `Resolution` is here remark-lint',
        '',
        '⚠ 1 warning',
        ''
      ].join('\n')
    )
  })

  it('honours <!-- lint disable ... --> comments', async () => {
    const outcome = await remark(['--frail', 'disabled'])
    expect(outcome.code).toBe(0)
    expect(outcome.stderr).toBe('disabled/2024-05-17.md: no issues found\n')
  })
})
