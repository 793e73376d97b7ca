import {availableParallelism} from 'node:os'
import * as path from 'node:path'
import {listAllowed, OptionError, show} from 'mdast-util-postmortem'
import type {VFile} from 'vfile'
import {comparePaths, type EngineRunOptions, isIgnored, lintInThread, maxShare} from './engine.js'
import {findFiles} from './find.js'
import {WorkerPool} from './workers.js'

/** What to lint and how. */
export interface LintOptions {
  /** Files, folders and globs, or files given with their text (standard input, say). */
  readonly files: ReadonlyArray<string | VFile>
  /** Folder that paths, config and ignore files are found from (default: the process's). */
  readonly cwd?: string | undefined
  /**
   * Profile for the preset when no `.remarkrc*` or `remarkConfig` applies to
   * a file (default `'generic'`).
   */
  readonly profile?: string | undefined
  /** Look for `.remarkrc*` and `remarkConfig` (default `true`). */
  readonly detectConfig?: boolean | undefined
  /** Honour `.remarkignore` (default `true`). */
  readonly detectIgnore?: boolean | undefined
  /**
   * A remark config file to use for every file instead of the search
   * (relative to `cwd`); `profile` only applies when it runs no postmortem
   * rule.
   */
  readonly configPath?: string | undefined
  /**
   * How many threads may lint: a whole number of at least 1, or `'auto'`
   * for {@link autoJobs} of the cores the process may use: one per core, at
   * most {@link maxAutoJobs}, and none on fewer than
   * {@link minCoresForWorkers} (default `1`: the calling thread lints every
   * file).
   *
   * The files are found first. When there are at least
   * {@link workerThreshold} to lint, the engine lints them a share of a few
   * hundred files at a time: in worker threads (as many as `jobs`, and at
   * most one per half threshold of files) when `jobs` is more than 1, while
   * the calling thread waits; in the calling thread otherwise. Fewer files
   * go through the engine in one run in the calling thread. The result is the
   * same either way: the same files, in the same order, with the same
   * messages.
   *
   * A worker loads the module of this package that starts it: code that
   * bundles this package into a file of its own should keep the default.
   */
  readonly jobs?: number | 'auto' | undefined
}

/** The files that were linted, with their messages. */
export interface LintResult {
  /** The files linted, ignored ones left out. */
  readonly files: VFile[]
  /** How many files the paths and globs found, ignored ones included. */
  readonly found: number
  /** How many worker threads linted the files (`0`: the calling thread did). */
  readonly workers: number
}

/**
 * How many files there must be to lint for worker threads to start. Each
 * worker loads the parser and the rules anew, and V8 compiles their hot code
 * anew for it, which costs as much as linting several hundred files (and
 * `jobs: 'auto'` starts none on two cores, see {@link minCoresForWorkers}).
 */
export const workerThreshold = 1000

/** The most threads `jobs: 'auto'` uses. */
export const maxAutoJobs = 8

/**
 * The fewest cores on which `jobs: 'auto'` starts worker threads. A worker
 * spends about 40% more CPU time on a file than the calling thread does
 * (measured on two cores, 1,000 to 4,000 files, see docs/cli.md), so two
 * workers on two cores are no faster than one thread at best, and slower
 * when anything else runs.
 */
export const minCoresForWorkers = 3

/** The threads `jobs: 'auto'` means on `cores` cores (`1`: no worker). */
export function autoJobs(cores: number): number {
  return cores < minCoresForWorkers ? 1 : Math.min(cores, maxAutoJobs)
}

/**
 * Lint files the way `remark` does (same config files, ignore files and
 * plugin resolution), with `remark-preset-lint-postmortem` when no config
 * applies. Never writes anything: the caller formats the result.
 */
export async function lintFiles(options: LintOptions): Promise<LintResult> {
  const jobs = resolveJobs(options.jobs)
  const settings: EngineRunOptions = {
    files: options.files,
    cwd: options.cwd ?? process.cwd(),
    profile: options.profile,
    detectConfig: options.detectConfig ?? true,
    detectIgnore: options.detectIgnore ?? true,
    configPath:
      options.configPath === undefined ? undefined : path.resolve(options.cwd ?? process.cwd(), options.configPath)
  }
  // Find the files first, as the engine would: the ones to lint, and the
  // named ones that `.remarkignore` lists, which count as found.
  const paths = options.files.every((file) => typeof file === 'string') ? (options.files as string[]) : undefined
  const found = paths && (await findFiles({files: paths, cwd: settings.cwd, detectIgnore: settings.detectIgnore}))
  const toLint = found?.filter((file) => !file.ignored) ?? []
  const least = threshold()
  if (!found || toLint.length < least) {
    const {given} = await lintInThread(settings)
    return {files: given.filter((file) => !isIgnored(file)), found: given.length, workers: 0}
  }
  // A large run: the engine lints it a share at a time (its cost per file
  // grows with the files of a run), in worker threads when it may.
  const absolute = toLint.map((file) => path.resolve(settings.cwd, file.path))
  let linted: VFile[] = []
  let workers = 0
  if (jobs > 1) {
    const pool = new WorkerPool(settings)
    try {
      pool.grow(Math.min(jobs, Math.max(2, Math.floor(absolute.length / Math.ceil(least / 2)))))
      linted = await pool.lint(absolute)
      workers = pool.size
    } finally {
      pool.close()
    }
  } else {
    for (let start = 0; start < absolute.length; start += maxShare) {
      const {given} = await lintInThread({...settings, files: absolute.slice(start, start + maxShare)})
      linted.push(...given)
    }
  }
  const files = linted.sort((a, b) => comparePaths(a.path, b.path)).filter((file) => !isIgnored(file))
  return {files, found: found.length, workers}
}

/**
 * The worker threshold. `POSTMORTEM_LINT_WORKER_THRESHOLD` lowers it, so
 * that tests can run workers on a few files; it is not a setting for users.
 */
function threshold(): number {
  const value = Number(process.env.POSTMORTEM_LINT_WORKER_THRESHOLD)
  return Number.isInteger(value) && value >= 2 ? value : workerThreshold
}

function resolveJobs(jobs: LintOptions['jobs']): number {
  if (jobs === undefined) return 1
  if (jobs === 'auto') return autoJobs(availableParallelism())
  if (typeof jobs !== 'number' || !Number.isInteger(jobs) || jobs < 1) {
    throw new OptionError(
      `Unexpected value ${show(jobs)} for \`jobs\`, expected ${listAllowed(['auto'])} or a whole number of at least 1`
    )
  }
  return jobs
}
