import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {fixtures, makeTempDir, type Outcome, removeTempDir, repoRoot, runProgram, squeeze} from './support.js'

// The hook as a team adds it from the pre-commit framework. pre-commit
// installs a `language: node` hook with `npm install`, `npm pack` and
// `npm install -g` of this repository's root package, so this runs the real
// install of a copy of the checkout (committed, as pre-commit needs).
const good = readFileSync(path.join(fixtures, 'good.md'), 'utf8')
const missingSections = readFileSync(path.join(fixtures, 'missing-sections.md'), 'utf8')
const postmortem = 'postmortems/2024-05-15-search.md'
const report = [
  postmortem,
  '8:1 warning Unexpected missing section `Impact`, expected a heading such as `## Impact` postmortem-required-sections remark-lint',
  '19:1 warning Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause` postmortem-required-sections remark-lint',
  '',
  '⚠ 2 warnings'
].join('\n')

const install = 15 * 60_000
let root = ''
let hookRepo = ''
let project = ''
let env: NodeJS.ProcessEnv = {}

/** The environment without what an outer npm or pnpm run sets. */
function cleanEnv(home: string): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|PNPM_|INIT_CWD$|NODE_OPTIONS$|VITEST)/.test(key)) result[key] = value
  }
  return {
    ...result,
    PRE_COMMIT_HOME: home,
    // Each `try-repo` installs the hook afresh: let npm trust its cache.
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    PRE_COMMIT_COLOR: 'never',
    GIT_AUTHOR_NAME: 'Postmortem Tester',
    GIT_AUTHOR_EMAIL: 'tester@example.com',
    GIT_COMMITTER_NAME: 'Postmortem Tester',
    GIT_COMMITTER_EMAIL: 'tester@example.com'
  }
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    env,
    encoding: 'utf8'
  })
}

/** Copy what a commit of the checkout would hold (tracked and new files, not ignored ones). */
function copyCheckout(target: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8'
  })
  for (const name of listed.split('\0').filter(Boolean)) {
    const from = path.join(repoRoot, name)
    const to = path.join(target, name)
    mkdirSync(path.dirname(to), {recursive: true})
    try {
      copyFileSync(from, to)
    } catch (error) {
      // A tracked file deleted in the working tree is not part of the copy.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
}

function preCommit(args: readonly string[], cwd: string): Promise<Outcome> {
  return runProgram('pre-commit', args, {cwd, env, timeout: install})
}

function stage(content: string): void {
  mkdirSync(path.join(project, 'postmortems'), {recursive: true})
  writeFileSync(path.join(project, postmortem), content)
  git(project, 'add', '-A')
}

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  beforeAll(async () => {
    root = makeTempDir('pre-commit')
    env = cleanEnv(path.join(root, 'cache'))
    const version = await runProgram('pre-commit', ['--version'], {cwd: root, env}).catch((error: Error) => ({
      code: null,
      stdout: '',
      stderr: error.message
    }))
    if (version.code !== 0) {
      throw new Error(
        `pre-commit is not installed (${version.stderr.trim()}): install it with \`apt-get install pre-commit\`, as .ci/run does`
      )
    }
    hookRepo = path.join(root, 'postmortem-lint')
    copyCheckout(hookRepo)
    git(hookRepo, 'init', '-q')
    git(hookRepo, 'add', '-A')
    git(hookRepo, 'commit', '-q', '-m', 'Snapshot of the checkout')
    project = path.join(root, 'project')
    mkdirSync(project)
    git(project, 'init', '-q')
  })

  afterAll(() => removeTempDir(root))

  it('try-repo refuses a staged postmortem with missing sections, with our report', {timeout: install}, async () => {
    stage(missingSections)
    const outcome = await preCommit(['try-repo', hookRepo, 'postmortem-lint'], project)
    const output = squeeze(outcome.stdout + outcome.stderr)
    expect(output, output).toMatch(/postmortem-lint\.+Failed\n- hook id: postmortem-lint\n- exit code: 1\n/)
    expect(output).toContain(`\n${report}\n`)
    expect(outcome.code).toBe(1)
  })

  it('try-repo passes a good postmortem', {timeout: install}, async () => {
    stage(good)
    const outcome = await preCommit(['try-repo', hookRepo, 'postmortem-lint'], project)
    const output = outcome.stdout + outcome.stderr
    expect(output, output).toMatch(/postmortem-lint\.+Passed\n/)
    expect(outcome.code).toBe(0)
  })

  it('as an installed hook, stops `git commit` of a bad postmortem and lets a good one through', {
    timeout: install
  }, async () => {
    const rev = git(hookRepo, 'rev-parse', 'HEAD').trim()
    writeFileSync(
      path.join(project, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${JSON.stringify(hookRepo)}\n    rev: ${rev}\n    hooks:\n      - id: postmortem-lint\n`
    )
    expect((await preCommit(['install'], project)).code).toBe(0)

    stage(missingSections)
    const refused = await runProgram('git', ['commit', '-m', 'Add the search postmortem'], {
      cwd: project,
      env,
      timeout: install
    })
    expect(squeeze(refused.stdout + refused.stderr)).toContain(`\n${report}\n`)
    expect(refused.code).toBe(1)
    expect(() => git(project, 'rev-parse', '--verify', '-q', 'HEAD')).toThrow()

    stage(good)
    const accepted = await runProgram('git', ['commit', '-m', 'Add the search postmortem'], {
      cwd: project,
      env,
      timeout: install
    })
    expect(accepted.stdout + accepted.stderr).toMatch(/postmortem-lint\.+Passed\n/)
    expect(accepted.code).toBe(0)
    expect(git(project, 'log', '--format=%s')).toBe('Add the search postmortem\n')
    rmSync(path.join(project, '.pre-commit-config.yaml'))
  })
})
