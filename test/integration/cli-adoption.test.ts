import {readFileSync} from 'node:fs'
import * as path from 'node:path'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  cliBin,
  fixtures,
  linkPackages,
  makeTempDir,
  type Outcome,
  removeTempDir,
  runCli,
  runProgram,
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
    'holberton/2024-05-16.md': outOfOrder,
    // Editors complete the file from the schema it names.
    'with-schema/.remarkrc.json': JSON.stringify({
      $schema: './node_modules/remark-preset-lint-postmortem/remarkrc.schema.json',
      plugins: [['remark-preset-lint-postmortem', {profile: 'holberton'}]]
    }),
    'with-schema/2024-05-16.md': outOfOrder
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

  it('a `$schema` field for editors is no bad config: it lints as without it', async () => {
    expect(await lint('with-schema')).toEqual({
      code: 0,
      signal: null,
      stdout: 'with-schema/2024-05-16.md: no issues found\n',
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

describe('--output-file', {timeout: 180_000}, () => {
  it('writes the report there and nothing on stdout', async () => {
    const outcome = await lint('-f', 'json', '-o', 'reports/lint.json', 'misspelled/2024-05-15.md', '--no-config')
    expect(outcome).toEqual({code: 1, signal: null, stdout: '', stderr: ''})
    const report = JSON.parse(readFileSync(path.join(project, 'reports/lint.json'), 'utf8'))
    expect(report.map((file: {path: string; warningCount: number}) => [file.path, file.warningCount])).toEqual([
      ['misspelled/2024-05-15.md', 2]
    ])
  })

  it('still writes a valid SARIF log on a config error, telling the error and no results', async () => {
    const problem =
      "Cannot parse file `misspelled/.remarkrc.json`: Unexpected field `plugin`, expected `'plugins'`, or `'settings'`"
    const outcome = await lint('--format', 'sarif', '--output-file', 'reports/bad.sarif', 'misspelled')
    expect(outcome).toEqual({code: 2, signal: null, stdout: '', stderr: `postmortem-lint: ${problem}\n`})
    const [run] = JSON.parse(readFileSync(path.join(project, 'reports/bad.sarif'), 'utf8')).runs
    expect(run.invocations).toEqual([
      {executionSuccessful: false, toolConfigurationNotifications: [{level: 'error', message: {text: problem}}]}
    ])
    expect(run.results).toEqual([])
  })

  it('still writes a JSON report on a config error, with no files', async () => {
    const outcome = await lint('-f', 'json', '-o', 'reports/bad.json', 'misspelled')
    expect(outcome.code).toBe(2)
    expect(JSON.parse(readFileSync(path.join(project, 'reports/bad.json'), 'utf8'))).toEqual([])
  })

  it('exits 2 when the report cannot be written', async () => {
    expect(await lint('-o', 'recommended', 'holberton')).toEqual({
      code: 2,
      signal: null,
      stdout: '',
      stderr: 'postmortem-lint: Cannot write `--output-file` `recommended`: EISDIR\n'
    })
  })
})

describe('--max-warnings', {timeout: 180_000}, () => {
  it('passes at the limit and fails above it, saying so', async () => {
    const file = 'misspelled/2024-05-15.md'
    const at = await lint('--no-config', '--max-warnings', '2', '-q', file)
    expect(at.code).toBe(0)
    expect(at.stderr).toBe('')
    expect(squeeze(at.stdout)).toBe([file, missingImpact, missingRootCause, '', '⚠ 2 warnings', ''].join('\n'))
    const above = await lint('--no-config', '--max-warnings', '1', '-q', file)
    expect(above).toEqual({
      code: 1,
      signal: null,
      stdout: at.stdout,
      stderr: 'postmortem-lint: 2 warnings, more than `--max-warnings 1` allows\n'
    })
  })

  const cases: Array<[string[], string]> = [
    [
      ['--max-warnings', '-1', 'holberton'],
      "Option '--max-warnings' argument is ambiguous (see `postmortem-lint --help`)"
    ],
    [
      ['--max-warnings=-1', 'holberton'],
      'Unexpected value `"-1"` for `--max-warnings`, expected a whole number of at least 0'
    ],
    [
      ['--max-warnings', 'ten', 'holberton'],
      'Unexpected value `"ten"` for `--max-warnings`, expected a whole number of at least 0'
    ],
    [['--max-warnings', '3', '--no-frail', 'holberton'], 'Unexpected `--max-warnings` with `--no-frail`, expected one']
  ]
  for (const [args, message] of cases) {
    it(`exits 2 on ${args.join(' ')}`, async () => {
      expect(await lint(...args)).toEqual({code: 2, signal: null, stdout: '', stderr: `postmortem-lint: ${message}\n`})
    })
  }
})

describe('standard input', {timeout: 180_000}, () => {
  it('`-` lints standard input, reported as <stdin>', async () => {
    const outcome = await runProgramIn(['--no-config', '-'], missingSections)
    expect(outcome.stderr).toBe('')
    expect(squeeze(outcome.stdout)).toBe(
      ['<stdin>', missingImpact, missingRootCause, '', '⚠ 2 warnings', ''].join('\n')
    )
    expect(outcome.code).toBe(1)
  })

  it('--stdin-filename names it, and the config of its folder applies', async () => {
    const outcome = await runProgramIn(
      ['-f', 'json', '--stdin-filename', 'recommended/new.md', '-'],
      withRemarkProblems
    )
    expect(outcome.stderr).toBe(
      'postmortem-lint: no postmortem rule in `recommended/.remarkrc.json`: added remark-preset-lint-postmortem (profile `generic`)\n'
    )
    const [file] = JSON.parse(outcome.stdout)
    expect(file.path).toBe('recommended/new.md')
    expect(file.messages.map((message: {ruleId: string}) => message.ruleId)).toEqual([
      'postmortem-required-sections',
      'postmortem-required-sections',
      'no-undefined-references'
    ])
  })

  const cases: Array<[string[], string]> = [
    [
      ['--stdin-filename', 'a.md', 'holberton'],
      'Unexpected `--stdin-filename` without `-`, expected `-` among the files to read standard input'
    ],
    [['-', '-'], 'Unexpected `-` more than once, expected standard input once']
  ]
  for (const [args, message] of cases) {
    it(`exits 2 on ${args.join(' ')}`, async () => {
      expect(await lint(...args)).toEqual({code: 2, signal: null, stdout: '', stderr: `postmortem-lint: ${message}\n`})
    })
  }
})

describe('a reader that stops early', {timeout: 180_000}, () => {
  it('closes the pipe: the CLI stops quietly, without a stack trace', async () => {
    // Far more report than a pipe holds (64 KB): writing goes on after `head` exits.
    const tasks = Array.from({length: 2000}, (_, index) => `- x${index}`).join('\n')
    writeFiles(project, {'big/2024-05-15.md': `${missingSections}\n${tasks}\n`})
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cliBin)} --no-config big | head -1; echo "exit \${PIPESTATUS[0]}"`
    const outcome = await runProgram('bash', ['-c', command], {cwd: project})
    expect(outcome).toEqual({code: 0, signal: null, stdout: 'big/2024-05-15.md\nexit 1\n', stderr: ''})
  })
})

function runProgramIn(args: string[], input: string): Promise<Outcome> {
  return runProgram(process.execPath, [cliBin, ...args], {cwd: project, input})
}

describe('formats for graders and CI tools', {timeout: 180_000}, () => {
  it('--format summary: files checked, files failing, files × rules', async () => {
    const outcome = await lint('--no-config', '-f', 'summary', 'misspelled', 'holberton')
    expect(outcome).toEqual({
      code: 1,
      signal: null,
      stderr: '',
      stdout: [
        'Files checked: 2',
        'Files failing: 1',
        '',
        'file                      postmortem-required-sections  total',
        'holberton/2024-05-16.md                              0      0',
        'misspelled/2024-05-15.md                             2      2',
        'total                                                2      2',
        ''
      ].join('\n')
    })
  })

  it('--format junit: well-formed XML, a test case per file, a failure with the messages', async () => {
    const outcome = await lint('--no-config', '-f', 'junit', 'misspelled', 'holberton')
    expect(outcome.code).toBe(1)
    expect(XMLValidator.validate(outcome.stdout)).toBe(true)
    const {testsuites} = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'testcase'
    }).parse(outcome.stdout)
    expect(testsuites.testsuite).toMatchObject({tests: '2', failures: '1'})
    expect(testsuites.testsuite.testcase).toEqual([
      {name: 'holberton/2024-05-16.md', classname: 'holberton/2024-05-16.md', file: 'holberton/2024-05-16.md'},
      {
        name: 'misspelled/2024-05-15.md',
        classname: 'misspelled/2024-05-15.md',
        file: 'misspelled/2024-05-15.md',
        failure: {
          message: '2 warnings',
          type: 'warning',
          '#text':
            '8:1 warning Unexpected missing section `Impact`, expected a heading such as `## Impact` (postmortem-required-sections)\n' +
            '19:1 warning Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause` (postmortem-required-sections)'
        }
      }
    ])
  })

  it('--format gitlab: Code Quality issues with the fields GitLab reads, paths from the repository top', async () => {
    writeFiles(project, {'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/docs/pm.md': missingSections})
    const outcome = await runCli(['--no-config', '-f', 'gitlab', 'pm.md'], path.join(project, 'repo/docs'))
    expect(outcome.code).toBe(1)
    const issues = JSON.parse(outcome.stdout)
    expect(issues).toHaveLength(2)
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity'])
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(issues.map((issue: {fingerprint: string}) => issue.fingerprint)[0]).not.toBe(issues[1].fingerprint)
    expect(issues.map(({fingerprint: _, ...issue}: {fingerprint: string}) => issue)).toEqual([
      {
        description: 'Unexpected missing section `Impact`, expected a heading such as `## Impact`',
        check_name: 'postmortem-required-sections',
        severity: 'minor',
        location: {path: 'docs/pm.md', lines: {begin: 8}}
      },
      {
        description: 'Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause`',
        check_name: 'postmortem-required-sections',
        severity: 'minor',
        location: {path: 'docs/pm.md', lines: {begin: 19}}
      }
    ])
  })

  it('--format github: paths from the repository top, not the folder the CLI ran in', async () => {
    writeFiles(project, {'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/docs/pm.md': missingSections})
    const outcome = await runCli(['--no-config', '-f', 'github', 'pm.md'], path.join(project, 'repo/docs'))
    expect(outcome.stdout).toBe(
      [
        '::warning file=docs/pm.md,line=8,col=1,title=postmortem-required-sections::Unexpected missing section `Impact`, expected a heading such as `## Impact`',
        '::warning file=docs/pm.md,line=19,col=1,title=postmortem-required-sections::Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause`',
        ''
      ].join('\n')
    )
    expect(outcome.code).toBe(1)
  })
})
