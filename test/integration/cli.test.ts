import {readFileSync} from 'node:fs'
import * as path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  cliBin,
  fixtures,
  makeTempDir,
  type Outcome,
  removeTempDir,
  repoRoot,
  runCli,
  runProgram,
  squeeze,
  writeFiles
} from './support.js'

// The `postmortem-lint` CLI, run as a program in a project that has no
// node_modules of its own: config files, ignore files, formats, exit codes.
const good = readFileSync(path.join(fixtures, 'good.md'), 'utf8')
const missingSections = readFileSync(path.join(fixtures, 'missing-sections.md'), 'utf8')
const outOfOrder = readFileSync(path.join(fixtures, 'out-of-order.md'), 'utf8')

const docs = 'https://github.com/postmortem-lint/postmortem-lint/blob/main/docs/rules/required-sections.md'
const requiredSectionsDoc =
  'Checks that a postmortem has the sections its template asks for, written as real headings, with something in them.'
const missingImpact =
  '8:1 warning Unexpected missing section `Impact`, expected a heading such as `## Impact` postmortem-required-sections remark-lint'
const missingRootCause =
  '19:1 warning Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause` postmortem-required-sections remark-lint'
const rootCauseAfterResolution =
  'Unexpected section `Root Cause` after `Resolution`, expected it before, as in the `generic` profile'

let project = ''

function lint(...args: string[]): Promise<Outcome> {
  return runCli(args, project)
}

beforeAll(() => {
  project = makeTempDir('cli')
  writeFiles(project, {
    'postmortems/2024-05-14-search.md': good,
    'postmortems/2024-05-15-search-again.md': missingSections,
    'ordered/.remarkrc.json': JSON.stringify({
      plugins: ['remark-preset-lint-postmortem', ['remark-lint-postmortem-required-sections', {order: true}]]
    }),
    'ordered/2024-05-16.md': outOfOrder,
    'student/package.json': JSON.stringify({
      name: 'student',
      remarkConfig: {plugins: [['remark-preset-lint-postmortem', {profile: 'holberton'}]]}
    }),
    'student/0x19.md': missingSections,
    'drafts/.remarkignore': 'draft.md\n',
    'drafts/draft.md': missingSections,
    'drafts/final.md': good,
    'disabled/2024-05-17.md': `<!-- lint disable postmortem-required-sections -->\n\n${missingSections}`,
    'bad-option/.remarkrc.json': JSON.stringify({plugins: [['remark-preset-lint-postmortem', {profile: 'nope'}]]}),
    'bad-option/a.md': good,
    'bad-rule-option/.remarkrc.yaml':
      'plugins:\n  - remark-preset-lint-postmortem\n  - - remark-lint-postmortem-required-sections\n    - orders: true\n',
    'bad-rule-option/a.md': good,
    'bad-json/.remarkrc.json': '{"plugins": [',
    'bad-json/a.md': good,
    'unknown-plugin/.remarkrc.json': JSON.stringify({plugins: ['remark-lint-no-such-plugin']}),
    'unknown-plugin/a.md': good,
    'empty/notes.txt': 'not Markdown\n'
  })
})

afterAll(() => removeTempDir(project))

describe('postmortem-lint without a config', {timeout: 180_000}, () => {
  it('lints a folder with the preset and exits 1 on warnings', async () => {
    const outcome = await lint('postmortems')
    expect(outcome.stderr).toBe('')
    expect(squeeze(outcome.stdout)).toBe(
      [
        'postmortems/2024-05-14-search.md: no issues found',
        'postmortems/2024-05-15-search-again.md',
        missingImpact,
        missingRootCause,
        '',
        '⚠ 2 warnings',
        ''
      ].join('\n')
    )
    expect(outcome.code).toBe(1)
  })

  it('exits 0 on a good postmortem', async () => {
    const outcome = await lint('postmortems/2024-05-14-search.md')
    expect(outcome).toMatchObject({code: 0, stderr: '', stdout: 'postmortems/2024-05-14-search.md: no issues found\n'})
  })

  it('--no-frail reports warnings and exits 0', async () => {
    const outcome = await lint('--no-frail', 'postmortems/2024-05-15-search-again.md')
    expect(squeeze(outcome.stdout)).toBe(
      ['postmortems/2024-05-15-search-again.md', missingImpact, missingRootCause, '', '⚠ 2 warnings', ''].join('\n')
    )
    expect(outcome.code).toBe(0)
  })

  it('takes globs', async () => {
    const outcome = await lint('--quiet', 'postmortems/*-again.md', 'drafts/f*.md')
    expect(squeeze(outcome.stdout)).toBe(
      ['postmortems/2024-05-15-search-again.md', missingImpact, missingRootCause, '', '⚠ 2 warnings', ''].join('\n')
    )
    expect(outcome.code).toBe(1)
  })

  it('reports a file once when it is named and also found by a glob or folder', async () => {
    const file = 'postmortems/2024-05-15-search-again.md'
    const outcome = await lint('--no-frail', file, 'postmortems/*-again.md', 'postmortems', `./${file}`)
    const json = await lint('--no-frail', '-f', 'json', file, 'postmortems/*-again.md', `./${file}`)
    expect(
      squeeze(outcome.stdout)
        .split('\n')
        .filter((line) => line === file)
    ).toEqual([file])
    expect(JSON.parse(json.stdout)).toMatchObject([{messages: [{line: 8}, {line: 19}]}])
  })

  it('--profile picks the template', async () => {
    const outcome = await lint('--profile', 'holberton', 'postmortems/2024-05-15-search-again.md')
    expect(squeeze(outcome.stdout)).toBe(
      ['postmortems/2024-05-15-search-again.md', missingRootCause, '', '⚠ 1 warning', ''].join('\n')
    )
    expect(outcome.code).toBe(1)
  })

  it('honours <!-- lint disable ... --> comments', async () => {
    const outcome = await lint('disabled')
    expect(outcome).toMatchObject({code: 0, stdout: 'disabled/2024-05-17.md: no issues found\n'})
  })
})

describe('postmortem-lint with a config', {timeout: 180_000}, () => {
  it('uses the nearest .remarkrc.json (a rule reconfigured after the preset)', async () => {
    const outcome = await lint('ordered')
    expect(squeeze(outcome.stdout)).toBe(
      [
        'ordered/2024-05-16.md',
        `29:1-29:14 warning ${rootCauseAfterResolution} postmortem-required-sections remark-lint`,
        ' [cause]:',
        ' 25:1-25:14 info `Resolution` is here remark-lint',
        '',
        '⚠ 1 warning',
        ''
      ].join('\n')
    )
    expect(outcome.code).toBe(1)
  })

  it('uses remarkConfig in package.json, and --profile only when no config applies', async () => {
    const outcome = await lint('--profile', 'generic', 'student')
    expect(squeeze(outcome.stdout)).toBe(['student/0x19.md', missingRootCause, '', '⚠ 1 warning', ''].join('\n'))
    expect(outcome.code).toBe(1)
  })

  it('--no-config lints with the preset and --profile instead', async () => {
    const outcome = await lint('--no-config', 'student')
    expect(squeeze(outcome.stdout)).toBe(
      ['student/0x19.md', missingImpact, missingRootCause, '', '⚠ 2 warnings', ''].join('\n')
    )
  })

  it('skips files that .remarkignore lists, also when they are named', async () => {
    expect(await lint('drafts')).toMatchObject({code: 0, stderr: '', stdout: 'drafts/final.md: no issues found\n'})
    expect(await lint('drafts/draft.md')).toMatchObject({code: 0, stderr: '', stdout: ''})
    const unignored = await lint('--no-ignore', '--quiet', 'drafts/draft.md')
    expect(squeeze(unignored.stdout)).toBe(
      ['drafts/draft.md', missingImpact, missingRootCause, '', '⚠ 2 warnings', ''].join('\n')
    )
    expect(unignored.code).toBe(1)
  })
})

describe('postmortem-lint formats', {timeout: 180_000}, () => {
  it('--format json', async () => {
    const outcome = await lint('--format', 'json', 'ordered', 'postmortems/2024-05-14-search.md')
    expect(outcome.code).toBe(1)
    expect(JSON.parse(outcome.stdout)).toEqual([
      {
        path: 'ordered/2024-05-16.md',
        errorCount: 0,
        warningCount: 1,
        messages: [
          {
            ruleId: 'postmortem-required-sections',
            source: 'remark-lint',
            severity: 'warning',
            reason: rootCauseAfterResolution,
            line: 29,
            column: 1,
            endLine: 29,
            endColumn: 14,
            url: docs,
            expected: null,
            fix: null,
            section: 'root-cause',
            cause: {reason: '`Resolution` is here', line: 25, column: 1, endLine: 25, endColumn: 14}
          }
        ]
      },
      {path: 'postmortems/2024-05-14-search.md', errorCount: 0, warningCount: 0, messages: []}
    ])
  })

  it('--format json gives the quick-fix text of a missing section', async () => {
    const outcome = await lint('-f', 'json', 'postmortems/2024-05-15-search-again.md')
    const [file] = JSON.parse(outcome.stdout)
    expect(
      file.messages.map((message: Record<string, unknown>) => [
        message.line,
        message.column,
        message.section,
        message.expected,
        message.fix
      ])
    ).toEqual([
      // The heading to insert, on the blank line before the next section; the fix puts it
      // between blank lines there (offsets 200 and 518 are where lines 8 and 19 start).
      [8, 1, 'impact', ['## Impact'], {start: 200, end: 200, text: '\n## Impact\n', safe: false}],
      [19, 1, 'root-cause', ['## Root Cause'], {start: 518, end: 518, text: '\n## Root Cause\n', safe: false}]
    ])
    expect([missingSections.slice(199, 201), missingSections.slice(517, 519)]).toEqual(['\n\n', '\n\n'])
  })

  it('--format github prints workflow commands, files sorted by path', async () => {
    const outcome = await lint('--format', 'github', 'postmortems', 'ordered')
    expect(outcome.stdout).toBe(
      [
        `::warning file=ordered/2024-05-16.md,line=29,col=1,endLine=29,endColumn=14,title=postmortem-required-sections::${rootCauseAfterResolution}`,
        '::warning file=postmortems/2024-05-15-search-again.md,line=8,col=1,title=postmortem-required-sections::Unexpected missing section `Impact`, expected a heading such as `## Impact`',
        '::warning file=postmortems/2024-05-15-search-again.md,line=19,col=1,title=postmortem-required-sections::Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause`',
        ''
      ].join('\n')
    )
    expect(outcome.code).toBe(1)
  })

  it('--format sarif prints a SARIF 2.1.0 log', async () => {
    const outcome = await lint('--format', 'sarif', 'postmortems', 'ordered')
    expect(outcome.code).toBe(1)
    const log = JSON.parse(outcome.stdout)
    const version = JSON.parse(
      readFileSync(path.join(repoRoot, 'packages/postmortem-lint/package.json'), 'utf8')
    ).version
    const location = (uri: string, startLine: number, startColumn: number, end?: [number, number]) => ({
      physicalLocation: {
        artifactLocation: {uri, uriBaseId: '%SRCROOT%'},
        region: {startLine, startColumn, ...(end ? {endLine: end[0], endColumn: end[1]} : {})}
      }
    })
    expect(log).toEqual({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'postmortem-lint',
              version,
              informationUri: 'https://github.com/postmortem-lint/postmortem-lint',
              rules: [
                {
                  id: 'postmortem-required-sections',
                  shortDescription: {text: 'The postmortem has the sections its template asks for'},
                  fullDescription: {text: requiredSectionsDoc},
                  help: {
                    text: `${requiredSectionsDoc} See ${docs}`,
                    markdown: `${requiredSectionsDoc}\n\n[\`postmortem-required-sections\` docs](${docs})`
                  },
                  helpUri: docs
                }
              ]
            }
          },
          originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(project).href + '/'}},
          columnKind: 'utf16CodeUnits',
          results: [
            {
              level: 'warning',
              message: {text: rootCauseAfterResolution},
              locations: [location('ordered/2024-05-16.md', 29, 1, [29, 14])],
              ruleId: 'postmortem-required-sections',
              ruleIndex: 0,
              relatedLocations: [
                {id: 1, ...location('ordered/2024-05-16.md', 25, 1, [25, 14]), message: {text: '`Resolution` is here'}}
              ]
            },
            {
              level: 'warning',
              message: {text: 'Unexpected missing section `Impact`, expected a heading such as `## Impact`'},
              locations: [location('postmortems/2024-05-15-search-again.md', 8, 1)],
              ruleId: 'postmortem-required-sections',
              ruleIndex: 0
            },
            {
              level: 'warning',
              message: {text: 'Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause`'},
              locations: [location('postmortems/2024-05-15-search-again.md', 19, 1)],
              ruleId: 'postmortem-required-sections',
              ruleIndex: 0
            }
          ]
        }
      ]
    })
  })

  it('colors the stylish report on a terminal only', async () => {
    const plain = await lint('postmortems/2024-05-15-search-again.md')
    expect(plain.stdout).not.toContain('\u001b[')
    // `script` runs the CLI on a pseudo-terminal.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cliBin)} postmortems/2024-05-15-search-again.md`
    const terminal = await runProgram('script', ['-qec', command, '/dev/null'], {
      cwd: project,
      // Node gives a CI runner's terminal no colors (`CI`, `TEAMCITY_VERSION`): clear them, as on a writer's machine.
      env: {TERM: 'xterm', CI: undefined, TEAMCITY_VERSION: undefined, NODE_DISABLE_COLORS: undefined}
    })
    expect(terminal.stdout).toContain('\u001b[33mwarning\u001b[39m')
    expect(terminal.code).toBe(1)
    const forced = await lint('--color', 'postmortems/2024-05-15-search-again.md')
    expect(forced.stdout).toContain('\u001b[33mwarning\u001b[39m')
  })
})

describe('postmortem-lint usage and config errors', {timeout: 180_000}, () => {
  const cases: Array<[string, string[], string]> = [
    [
      'an unknown option',
      ['--fix-dry-run', 'postmortems'],
      "Unknown option '--fix-dry-run' (see `postmortem-lint --help`)"
    ],
    [
      'a bad --profile',
      ['--profile', 'acme', 'postmortems'],
      "Unexpected value `\"acme\"` for `--profile`, expected `'generic'`, `'holberton'`, `'google-sre'`, `'pagerduty'`, or `'atlassian'`, or an object with `sections`"
    ],
    [
      'a bad --format',
      ['--format', 'xml', 'postmortems'],
      "Unexpected value `\"xml\"` for `--format`, expected `'stylish'`, `'json'`, `'github'`, `'sarif'`, `'summary'`, `'junit'`, or `'gitlab'`"
    ],
    ['no files', [], 'Missing files to lint, expected files, folders or globs (see `postmortem-lint --help`)'],
    ['a missing file', ['postmortems/nope.md'], 'No such file or folder: postmortems/nope.md'],
    [
      'a glob that matches nothing',
      ['postmortems/*.markdown', 'empty'],
      'No Markdown files to lint in `postmortems/*.markdown`, `empty`'
    ],
    [
      'a bad option in .remarkrc.json',
      ['bad-option'],
      "remark-preset-lint-postmortem: Unexpected value `\"nope\"` for `profile`, expected `'generic'`, `'holberton'`, `'google-sre'`, `'pagerduty'`, or `'atlassian'`, or an object with `sections`"
    ],
    [
      'a bad rule option in .remarkrc.yaml',
      ['bad-rule-option'],
      "postmortem-required-sections: Unexpected option `orders` for `postmortem-required-sections`, expected `'profile'`, `'order'`, `'pseudoHeadings'`, or `'empty'`"
    ]
  ]
  for (const [name, args, message] of cases) {
    it(`exits 2 on ${name}, with one line`, async () => {
      const outcome = await lint(...args)
      expect(outcome).toEqual({code: 2, signal: null, stdout: '', stderr: `postmortem-lint: ${message}\n`})
    })
  }

  it('exits 2 on a .remarkrc.json that does not parse', async () => {
    const outcome = await lint('bad-json')
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    expect(outcome.stderr).toMatch(/^postmortem-lint: Cannot parse file `bad-json\/\.remarkrc\.json`: [^\n]+\n$/)
  })

  it('exits 2 on a plugin that is not installed', async () => {
    const outcome = await lint('unknown-plugin')
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    expect(outcome.stderr).toMatch(/^postmortem-lint: Cannot find module `remark-lint-no-such-plugin`: [^\n]+\n$/)
  })
})

describe('postmortem-lint --help and --version', {timeout: 180_000}, () => {
  it('--help', async () => {
    const outcome = await lint('--help')
    expect(outcome.code).toBe(0)
    expect(outcome.stdout).toMatch(/^Usage: postmortem-lint \[options\] <file\|folder\|glob\|->\.\.\.\n/)
    expect(outcome.stdout).toContain(
      '-f, --format <name>  stylish (default), json, github, sarif, summary, junit,\n                       gitlab\n'
    )
  })

  it('--version is the package version', async () => {
    const {version} = JSON.parse(readFileSync(path.join(repoRoot, 'packages/postmortem-lint/package.json'), 'utf8'))
    expect(await lint('--version')).toMatchObject({code: 0, stdout: `${version}\n`})
  })
})

describe('the one-file bundle (the bin of the root package, for pre-commit)', {timeout: 180_000}, () => {
  let out = ''
  beforeAll(() => {
    out = makeTempDir('bundle')
  })
  afterAll(() => removeTempDir(out))

  it('builds from the sources and lints like the CLI', async () => {
    const bundle = path.join(out, 'postmortem-lint.js')
    const built = await runProgram(
      process.execPath,
      [path.join(repoRoot, 'packages/postmortem-lint/scripts/bundle.js'), bundle],
      {cwd: repoRoot}
    )
    expect(built).toMatchObject({code: 0, stderr: ''})
    const fromBundle = await runProgram(process.execPath, [bundle, 'postmortems', 'ordered'], {cwd: project})
    const fromCli = await lint('postmortems', 'ordered')
    expect(fromBundle.stdout).toBe(fromCli.stdout)
    expect(fromBundle.code).toBe(1)
    // Lint workers run the bundle too (and not its CLI).
    const fromWorkers = await runProgram(process.execPath, [bundle, '--jobs', '2', 'postmortems', 'ordered'], {
      cwd: project,
      env: {POSTMORTEM_LINT_WORKER_THRESHOLD: '2'}
    })
    expect(fromWorkers).toMatchObject({code: 1, stderr: '', stdout: fromCli.stdout})
    // The example postmortems get a message from every rule of the preset.
    const examples = await runProgram(process.execPath, [bundle, '-f', 'json', 'fixtures/examples'], {cwd: repoRoot})
    const examplesFromCli = await runCli(['-f', 'json', 'fixtures/examples'], repoRoot)
    expect(examples.stderr).toBe('')
    expect(JSON.parse(examples.stdout)).toEqual(JSON.parse(examplesFromCli.stdout))
    expect(examples.code).toBe(examplesFromCli.code)
  })
})
