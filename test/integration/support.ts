import {spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The checkout's root folder. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The CLI as `tsc -b` builds it. */
export const cliBin = path.join(repoRoot, 'packages/postmortem-lint/dist/bin.js')

/** Postmortems written for these tests. */
export const fixtures = path.join(repoRoot, 'test/integration/fixtures')

export interface Outcome {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export interface RunOptions {
  readonly cwd: string
  readonly env?: NodeJS.ProcessEnv | undefined
  /** Kill the program after this many milliseconds (default two minutes). */
  readonly timeout?: number | undefined
  /** Text for the program's standard input (default: none, stdin is closed). */
  readonly input?: string | undefined
}

/** Run a program to its end and collect what it printed. */
export function runProgram(command: string, args: readonly string[], options: RunOptions): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: {...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env},
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    if (options.input !== undefined) child.stdin?.end(options.input)
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 120_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({code, signal, stdout, stderr})
    })
  })
}

/** Run the built CLI in `cwd`. */
export function runCli(args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<Outcome> {
  return runProgram(process.execPath, [cliBin, ...args], {cwd, env})
}

/** A new empty folder of its own, to remove with `removeTempDir`. */
export function makeTempDir(name: string): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), `postmortem-lint-${name}-`)))
}

export function removeTempDir(dir: string | undefined): void {
  if (dir) rmSync(dir, {recursive: true, force: true, maxRetries: 3})
}

/** Write files (`{'docs/a.md': '...'}`) under `dir`, making folders as needed. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(files)) {
    const target = path.join(dir, name)
    mkdirSync(path.dirname(target), {recursive: true})
    writeFileSync(target, value)
  }
}

/**
 * Make packages of the checkout resolvable from `dir`, as if the project in
 * `dir` had installed them: `dir/node_modules/<name>` links to the package.
 */
export function linkPackages(dir: string, names: readonly string[]): void {
  mkdirSync(path.join(dir, 'node_modules'), {recursive: true})
  for (const name of names) {
    symlinkSync(realpathSync(path.join(repoRoot, 'node_modules', name)), path.join(dir, 'node_modules', name), 'dir')
  }
}

/** Squeeze runs of spaces (report columns are padded to the longest entry). */
export function squeeze(text: string): string {
  return text.replace(/ {2,}/g, ' ')
}
