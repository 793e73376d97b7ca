import {readFileSync} from 'node:fs'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  fixtures,
  linkPackages,
  makeTempDir,
  type Outcome,
  removeTempDir,
  runCli,
  squeeze,
  writeFiles
} from './support.js'

// The CLI in a project that already has its remark setup: its config, the
// options CI and scripts use, and the formats CI tools read.
const missingSections = readFileSync(path.join(fixtures, 'missing-sections.md'), 'utf8')
const outOfOrder = readFileSync(path.join(fixtures, 'out-of-order.md'), 'utf8')

const missingImpact =
  '8:1 warning Unexpected missing section `Impact`, expected a heading such as `## Impact` postmortem-required-sections remark-lint'
const missingRootCause =
  '19:1 warning Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause` postmortem-required-sections remark-lint'

/** A postmortem that also breaks a rule of `remark-preset-lint-recommended`. */
const withRemarkProblems = `${missingSections}\nSee [the runbook][runbook].\n`
const remarkProblems = [
  '29:5-29:27 warning Unexpected reference to undefined definition, expected corresponding definition (`runbook`) for a link or escaped opening bracket (`\\[`) for regular text no-undefined-references remark-lint'
]

let project = ''

function lint(...args: string[]): Promise<Outcome> {
  return runCli(args, project)
}

beforeAll(() => {
  project = makeTempDir('cli-adoption')
  // The project installed remark's usual preset, not this one.
  linkPackages(project, ['remark-preset-lint-recommended'])
  writeFiles(project, {
    'recommended/.remarkrc.json': JSON.stringify({plugins: ['remark-preset-lint-recommended']}),
    'recommended/2024-05-15.md': withRemarkProblems,
    'recommended/nested/2024-05-16.md': withRemarkProblems,
    'misspelled/.remarkrc.json': JSON.stringify({plugin: ['remark-preset-lint-postmortem']}),
    'misspelled/2024-05-15.md': missingSections,
    'ordered.json': JSON.stringify({
      plugins: ['remark-preset-lint-postmortem', ['remark-lint-postmortem-required-sections', {order: true}]]
    }),
    'holberton/.remarkrc.json': JSON.stringify({plugins: [['remark-preset-lint-postmortem', {profile: 'holberton'}]]}),
    'holberton/2024-05-16.md': outOfOrder
  })
})

afterAll(() => removeTempDir(project))

describe('a config that runs no postmortem rule', {timeout: 180_000}, () => {
  it('gets the preset added (the config still applies), and stderr says so once', async () => {
    const outcome = await lint('recommended')
    expect(outcome.stderr).toBe(
      'postmortem-lint: no postmortem rule in `recommended/.remarkrc.json`: added remark-preset-lint-postmortem (profile `generic`)\n'
    )
    expect(squeeze(outcome.stdout)).toBe(
      [
        'recommended/2024-05-15.md',
        missingImpact,
        missingRootCause,
        ...remarkProblems,
        '',
        'recommended/nested/2024-05-16.md',
        missingImpact,
        missingRootCause,
        ...remarkProblems,
        '',
        '⚠ 6 warnings',
        ''
      ].join('\n')
    )
    expect(outcome.code).toBe(1)
  })

  it('the added preset takes --profile', async () => {
    const outcome = await lint('--profile', 'holberton', '-f', 'json', 'recommended/2024-05-15.md')
    expect(outcome.stderr).toBe(
      'postmortem-lint: no postmortem rule in `recommended/.remarkrc.json`: added remark-preset-lint-postmortem (profile `holberton`)\n'
    )
    const [file] = JSON.parse(outcome.stdout)
    expect(file.messages.map((message: {ruleId: string; line: number}) => [message.ruleId, message.line])).toEqual([
      ['postmortem-required-sections', 19],
      ['no-undefined-references', 29]
    ])
  })

  it('is told the same way when worker threads lint', async () => {
    const outcome = await runCli(['--jobs', '2', 'recommended'], project, {POSTMORTEM_LINT_WORKER_THRESHOLD: '2'})
    const inThread = await lint('recommended')
    expect(outcome).toEqual(inThread)
  })

  it('a config that runs the preset gets nothing added and nothing said', async () => {
    expect(await lint('holberton')).toEqual({
      code: 0,
      signal: null,
      stdout: 'holberton/2024-05-16.md: no issues found\n',
      stderr: ''
    })
  })

  it('a misspelled field (`plugin`) is a bad config: exit 2, one line', async () => {
    const outcome = await lint('misspelled')
    expect(outcome).toEqual({
      code: 2,
      signal: null,
      stdout: '',
      stderr:
        "postmortem-lint: Cannot parse file `misspelled/.remarkrc.json`: Unexpected field `plugin`, expected `'plugins'`, or `'settings'`\n"
    })
  })
})

describe('--config', {timeout: 180_000}, () => {
  it('uses the file given instead of the config found', async () => {
    const outcome = await lint('--config', 'ordered.json', 'holberton')
    expect(outcome.stderr).toBe('')
    expect(squeeze(outcome.stdout)).toContain(
      '29:1-29:14 warning Unexpected section `Root Cause` after `Resolution`, expected it before, as in the `generic` profile postmortem-required-sections remark-lint'
    )
    expect(outcome.code).toBe(1)
    // Without it, the folder's holberton config applies: no order is asked.
    expect((await lint('holberton')).stdout).not.toContain('after `Resolution`')
  })

  it('adds the preset to a given config that runs no postmortem rule', async () => {
    const outcome = await lint('-c', 'recommended/.remarkrc.json', 'misspelled')
    expect(outcome.stderr).toBe(
      'postmortem-lint: no postmortem rule in `recommended/.remarkrc.json`: added remark-preset-lint-postmortem (profile `generic`)\n'
    )
    expect(squeeze(outcome.stdout)).toBe(
      ['misspelled/2024-05-15.md', missingImpact, missingRootCause, '', '⚠ 2 warnings', ''].join('\n')
    )
  })

  const cases: Array<[string, string[], string]> = [
    [
      'a missing file',
      ['--config', 'nope.json', 'holberton'],
      'No such file `nope.json` for `--config`, expected a remark config file (such as `.remarkrc.json`)'
    ],
    [
      'a folder',
      ['--config', 'holberton', 'holberton'],
      'No such file `holberton` for `--config`, expected a remark config file (such as `.remarkrc.json`)'
    ],
    [
      '--no-config with it',
      ['--config', 'ordered.json', '--no-config', 'holberton'],
      'Unexpected `--config` with `--no-config`, expected one'
    ],
    [
      'a config that does not parse',
      ['--config', 'misspelled/.remarkrc.json', 'holberton'],
      "Cannot parse given file `misspelled/.remarkrc.json`: Unexpected field `plugin`, expected `'plugins'`, or `'settings'`"
    ]
  ]
  for (const [name, args, message] of cases) {
    it(`exits 2 on ${name}, with one line`, async () => {
      expect(await lint(...args)).toEqual({code: 2, signal: null, stdout: '', stderr: `postmortem-lint: ${message}\n`})
    })
  }
})
