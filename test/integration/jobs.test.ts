import {readFileSync} from 'node:fs'
import * as path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cliBin, fixtures, makeTempDir, type Outcome, removeTempDir, repoRoot, runCli, writeFiles} from './support.js'

// `--jobs`: a large run linted by worker threads reports exactly what one
// thread reports, configs, ignore files and config errors included.
const good = readFileSync(path.join(fixtures, 'good.md'), 'utf8')
const missingSections = readFileSync(path.join(fixtures, 'missing-sections.md'), 'utf8')
const outOfOrder = readFileSync(path.join(fixtures, 'out-of-order.md'), 'utf8')
const failover = readFileSync(path.join(repoRoot, 'fixtures/examples/database-failover.md'), 'utf8')
const holberton = readFileSync(path.join(repoRoot, 'fixtures/examples/holberton/web-stack-outage.md'), 'utf8')

/** Postmortems with no message, with a few, and with messages of every rule (some with a cause). */
const kinds = [good, missingSections, outOfOrder, failover, holberton]

/** `count` postmortems under `folder`, of every kind, named so that kinds interleave in path order. */
function postmortems(folder: string, count: number, first = 0): Record<string, string> {
  const files: Record<string, string> = {}
  for (let index = first; index < first + count; index++) {
    const name = `${folder}/${String(index).padStart(4, '0')}-incident.md`
    files[name] = kinds[index % kinds.length]!.replace(/\n$/, `\n\n<!-- postmortem ${index} -->\n`)
  }
  return files
}

/**
 * The env that lets workers start on fewer files than the default
 * threshold (a thousand files would make slow tests).
 */
const lowThreshold = {POSTMORTEM_LINT_WORKER_THRESHOLD: '4'}
const hundred = {POSTMORTEM_LINT_WORKER_THRESHOLD: '100'}

let project = ''

function lint(args: string[], env?: NodeJS.ProcessEnv): Promise<Outcome> {
  return runCli(args, project, env)
}

/**
 * Run as a small run (one engine run in the CLI's thread), and as a large
 * run (`env` lowers the threshold) linted a share at a time, with `--jobs 1`
 * in the CLI's thread and with `--jobs 2` in worker threads: the same
 * outcome, which is returned.
 */
async function sameWithWorkers(args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  const [single, shares, parallel] = await Promise.all([
    lint(['--jobs', '1', ...args]),
    lint(['--jobs', '1', ...args], env),
    lint(['--jobs', '2', ...args], env)
  ])
  for (const large of [shares, parallel]) {
    expect(large.stderr).toBe(single.stderr)
    expect(large.stdout).toBe(single.stdout)
    expect(large.code).toBe(single.code)
  }
  return single
}

beforeAll(() => {
  project = makeTempDir('jobs')
  writeFiles(project, {
    // A few hundred postmortems, in two folders.
    ...postmortems('many', 150),
    ...postmortems('many/more', 60, 150),
    // A rule reconfigured in a subfolder, a rule turned off in another, ignored files.
    ...postmortems('small', 6),
    ...postmortems('small/ordered', 5, 6),
    'small/ordered/.remarkrc.json': JSON.stringify({
      plugins: ['remark-preset-lint-postmortem', ['remark-lint-postmortem-required-sections', {order: true}]]
    }),
    'small/ordered/0100-order.md': outOfOrder,
    ...postmortems('small/no-tasks', 5, 11),
    'small/no-tasks/.remarkrc.json': JSON.stringify({
      plugins: ['remark-preset-lint-postmortem', ['remark-lint-postmortem-actionable-tasks', false]]
    }),
    ...postmortems('small/drafts', 5, 16),
    'small/drafts/.remarkignore': '0016-incident.md\n0018-*.md\n',
    ...postmortems('bad-rule-option', 6),
    'bad-rule-option/.remarkrc.json': JSON.stringify({
      plugins: ['remark-preset-lint-postmortem', ['remark-lint-postmortem-required-sections', {orders: true}]]
    }),
    ...postmortems('unknown-plugin', 6),
    'unknown-plugin/.remarkrc.json': JSON.stringify({plugins: ['remark-lint-no-such-plugin']})
  })
})

afterAll(() => removeTempDir(project))

describe('postmortem-lint --jobs', {timeout: 180_000}, () => {
  it('reports a large folder the same with worker threads, as stylish and as json', async () => {
    const [stylish, json] = await Promise.all([
      sameWithWorkers(['many'], hundred),
      sameWithWorkers(['--format', 'json', 'many'], hundred)
    ])
    expect(stylish.code).toBe(1)
    expect(stylish.stdout).toMatch(/^many\/0000-incident\.md: no issues found\n/)
    expect(stylish.stdout).toContain('  [cause]:\n')
    expect(stylish.stdout).toMatch(/\n⚠ \d+ warnings\n$/)
    expect(JSON.parse(json.stdout)).toHaveLength(210)
  })

  it('honours a .remarkrc.json in a subfolder and .remarkignore', async () => {
    const outcome = await sameWithWorkers(['small'], lowThreshold)
    expect(outcome.stdout).toContain('small/ordered/0100-order.md\n')
    expect(outcome.stdout).toMatch(/warning +Unexpected section `Root Cause` after `Resolution`/)
    expect(outcome.stdout).not.toContain('small/drafts/0016-incident.md')
    expect(outcome.stdout).not.toContain('small/drafts/0018-incident.md')
    expect(outcome.stdout).toContain('small/drafts/0017-incident.md')
    expect(outcome.stdout).not.toMatch(/small\/no-tasks\/.*\n[^\n]*postmortem-actionable-tasks/)
  })

  it('tells a bad rule option in .remarkrc.json the same way, with one line', async () => {
    const outcome = await sameWithWorkers(['bad-rule-option', 'small'], lowThreshold)
    expect(outcome).toEqual({
      code: 2,
      signal: null,
      stdout: '',
      stderr:
        "postmortem-lint: postmortem-required-sections: Unexpected option `orders` for `postmortem-required-sections`, expected `'profile'`, `'order'`, `'pseudoHeadings'`, or `'empty'`\n"
    })
  })

  it('exits 2 on a bad --jobs, with one line', async () => {
    const values = ['0', 'x']
    const outcomes = await Promise.all(values.map((value) => lint(['--jobs', value, 'small'])))
    expect(outcomes).toEqual(
      values.map((value) => ({
        code: 2,
        signal: null,
        stdout: '',
        stderr: `postmortem-lint: Unexpected value \`"${value}"\` for \`--jobs\`, expected \`'auto'\` or a whole number of at least 1\n`
      }))
    )
  })
})

describe('lintFiles({jobs})', {timeout: 180_000}, () => {
  type Api = typeof import('../../packages/postmortem-lint/src/index.js')
  type LintOptions = import('../../packages/postmortem-lint/src/index.js').LintOptions
  let api: Api
  let previous: string | undefined
  beforeAll(async () => {
    // The build: a worker runs the module that starts it, compiled.
    api = (await import(pathToFileURL(path.join(path.dirname(cliBin), 'index.js')).href)) as Api
    previous = process.env.POSTMORTEM_LINT_WORKER_THRESHOLD
    process.env.POSTMORTEM_LINT_WORKER_THRESHOLD = lowThreshold.POSTMORTEM_LINT_WORKER_THRESHOLD
  })
  afterAll(() => {
    if (previous === undefined) delete process.env.POSTMORTEM_LINT_WORKER_THRESHOLD
    else process.env.POSTMORTEM_LINT_WORKER_THRESHOLD = previous
  })

  /** A file and its messages as plain objects, with the class of each message and cause. */
  function shape(files: readonly import('vfile').VFile[]) {
    return files.map((file) => ({
      ...file,
      messages: file.messages.map((message) => ({
        ...message,
        class: message.constructor.name,
        cause: message.cause && {...message.cause, class: message.cause.constructor.name}
      }))
    }))
  }

  const variants: Array<[string, LintOptions]> = [
    [
      'files named one by one (an ignored one among them, one also in a glob), a glob, a plugin not installed, a missing file',
      {
        files: [
          'small/drafts/0016-incident.md',
          'small/0000-incident.md',
          'small/ordered/0006-incident.md',
          'small/ordered/*.md',
          'unknown-plugin',
          'small/nope.md'
        ],
        profile: 'holberton'
      }
    ],
    [
      'neither configs nor ignore files, another profile',
      {files: ['small'], detectConfig: false, detectIgnore: false, profile: 'holberton'}
    ]
  ]
  for (const [name, settings] of variants) {
    it(`gives the same files, messages and reports in shares and from worker threads: ${name}`, async () => {
      const options = {...settings, cwd: project}
      // One engine run: the threshold as it is.
      delete process.env.POSTMORTEM_LINT_WORKER_THRESHOLD
      const single = await api.lintFiles(options)
      process.env.POSTMORTEM_LINT_WORKER_THRESHOLD = lowThreshold.POSTMORTEM_LINT_WORKER_THRESHOLD
      // A large run, in shares: in this thread, and in worker threads.
      const shares = await api.lintFiles(options)
      const parallel = await api.lintFiles({...options, jobs: 2})
      expect(single.workers).toBe(0)
      expect(shares.workers).toBe(0)
      expect(parallel.workers).toBe(2)
      for (const large of [shares, parallel]) {
        expect(large.found).toBe(single.found)
        expect(large.files.map((file) => file.path)).toEqual(single.files.map((file) => file.path))
        expect(shape(large.files)).toEqual(shape(single.files))
        const problems = api.setupProblems(single.files)
        expect(api.setupProblems(large.files)).toEqual(problems)
        // With a problem, the CLI prints it instead of a report (a report would
        // show where in the code the error was made, which differs).
        if (problems.length > 0) continue
        for (const quiet of [false, true]) {
          expect(api.formatStylish(large.files, {quiet})).toBe(api.formatStylish(single.files, {quiet}))
        }
        expect(api.formatJson(large.files, project)).toBe(api.formatJson(single.files, project))
        expect(api.formatGithub(large.files, project)).toBe(api.formatGithub(single.files, project))
        expect(api.formatSarif(large.files, project)).toBe(api.formatSarif(single.files, project))
      }
    })
  }

  it('starts no worker below the threshold', async () => {
    const previous = process.env.POSTMORTEM_LINT_WORKER_THRESHOLD
    delete process.env.POSTMORTEM_LINT_WORKER_THRESHOLD
    try {
      const result = await api.lintFiles({files: ['small'], cwd: project, jobs: 2})
      expect(result.workers).toBe(0)
      expect(result.found).toBe(20)
      expect(result.files).toHaveLength(20)
    } finally {
      if (previous !== undefined) process.env.POSTMORTEM_LINT_WORKER_THRESHOLD = previous
    }
  })

  it('rejects a bad jobs value', async () => {
    await expect(api.lintFiles({files: ['small'], cwd: project, jobs: 0})).rejects.toThrow(
      "Unexpected value `0` for `jobs`, expected `'auto'` or a whole number of at least 1"
    )
  })
})
