import {mkdirSync, statSync, writeFileSync} from 'node:fs'
import * as path from 'node:path'
import {parseArgs} from 'node:util'
import {expectOneOf, listAllowed, OptionError, resolveProfile, show} from 'mdast-util-postmortem'
import {VFile} from 'vfile'
import {configsWithAddedPreset} from './config.js'
import {fixFiles} from './fix.js'
import {
  type Format,
  formatGithub,
  formatGitlab,
  formatJson,
  formatJunit,
  formatSarif,
  formatStylish,
  formatSummary,
  formats
} from './formats/index.js'
import {relativePath} from './formats/messages.js'
import {type LintOptions, lintFiles, workerThreshold} from './lint.js'
import {repositoryRoot} from './root.js'
import {version} from './version.js'

/** Exit codes of the CLI. */
export const exitCodes = {
  /** Nothing to report (or only warnings, with `--no-frail`). */
  ok: 0,
  /** Warnings (or, with `--no-frail`, errors) were reported. */
  lint: 1,
  /** Bad arguments, a bad config, or a file that could not be linted. */
  usage: 2
} as const

/** Where the CLI reads and writes. */
export interface CliIo {
  readonly cwd: string
  readonly stdout: NodeJS.WritableStream & {isTTY?: boolean; hasColors?: () => boolean}
  readonly stderr: NodeJS.WritableStream
  /** Read when a file argument is `-`. */
  readonly stdin?: NodeJS.ReadableStream | undefined
}

export const help = `Usage: postmortem-lint [options] <file|folder|glob|->...

Lint incident postmortems written in Markdown. A \`.remarkrc*\` file or a
\`remarkConfig\` field in package.json is used when one applies to a file (as
with remark); otherwise remark-preset-lint-postmortem runs with --profile.
A config that runs no postmortem rule gets the preset added (stderr says so).
\`.remarkignore\` and <!-- lint disable ... --> comments work as in remark.

Options:
  -p, --profile <id>   template when no config applies: generic (default),
                       holberton, google-sre, pagerduty, atlassian
  -f, --format <name>  stylish (default), json, github, sarif, summary, junit,
                       gitlab
  -o, --output-file <file>
                       write the report there (also on a config error)
      --no-frail       exit 0 on warnings (errors still exit 1)
      --max-warnings <n>
                       exit 1 only when there are more than n warnings
      --stdin-filename <name>
                       the name of standard input (\`-\`), default <stdin>
      --fix            apply the safe fixes to the files, then report what is
                       left; with \`-\`: print the fixed text, the report on
                       stderr
  -q, --quiet          stylish: leave out files without messages
  -j, --jobs <n>       threads that lint ${workerThreshold} files or more: auto
                       (default: one per core, none on 2 cores or fewer) or a
                       number (1: no workers)
  -c, --config <file>  this remark config for every file, instead of the search
      --no-config      ignore .remarkrc* and remarkConfig
      --no-ignore      ignore .remarkignore
      --color          colors in the stylish report even when not a terminal
      --no-color       no colors
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no warnings, 1 warnings or errors, 2 bad usage or config.
`

/** A problem with the arguments or the config: exit 2 with one line. */
export class UsageError extends Error {
  override name = 'UsageError'
}

interface Settings {
  readonly files: string[]
  readonly profile: string | undefined
  readonly format: Format
  readonly frail: boolean
  readonly quiet: boolean
  readonly color: boolean | undefined
  readonly detectConfig: boolean
  readonly configPath: string | undefined
  readonly detectIgnore: boolean
  readonly jobs: number | 'auto'
  readonly outputFile: string | undefined
  readonly maxWarnings: number | undefined
  readonly stdinFilename: string | undefined
  readonly fix: boolean
}

/** Run the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let settings: Settings | 'help' | 'version'
  try {
    settings = parseArguments(argv, io.cwd)
  } catch (error) {
    return fail(io, error)
  }
  if (settings === 'help') {
    io.stdout.write(help)
    return exitCodes.ok
  }
  if (settings === 'version') {
    io.stdout.write(version + '\n')
    return exitCodes.ok
  }

  let files: VFile[] = []
  let problems: string[]
  let stdin: VFile | undefined
  let fixed: Fixed | undefined
  try {
    const given: Array<string | VFile> = [...settings.files]
    const stdinAt = given.indexOf('-')
    if (stdinAt !== -1) {
      stdin = await readStdin(io, settings.stdinFilename)
      given[stdinAt] = stdin
    }
    const options: LintOptions = {
      files: given,
      cwd: io.cwd,
      profile: settings.profile,
      detectConfig: settings.detectConfig,
      configPath: settings.configPath,
      detectIgnore: settings.detectIgnore,
      jobs: settings.jobs
    }
    let found: number
    ;({files, found} = await lintFiles(options))
    problems =
      found === 0
        ? [`No Markdown files to lint in ${settings.files.map((file) => `\`${file}\``).join(', ')}`]
        : setupProblems(files)
    if (settings.fix && problems.length === 0) {
      fixed = await fix(files, options, stdin)
      files = fixed.files
      problems = setupProblems(files)
    }
  } catch (error) {
    problems = [problemOf(error)]
  }

  if (problems.length > 0) {
    for (const problem of problems) io.stderr.write(`postmortem-lint: ${problem}\n`)
    // The tool that reads the report file gets a valid one with no results
    // (SARIF also tells the problems), not a missing or stale one.
    if (settings.outputFile !== undefined) writeReport(io, settings, report([], settings, io, problems))
    return exitCodes.usage
  }

  const added = configsWithAddedPreset(files)
  if (added.length > 0) {
    io.stderr.write(
      `postmortem-lint: no postmortem rule in ${added.map((name) => `\`${name}\``).join(', ')}: ` +
        `added remark-preset-lint-postmortem (profile \`${settings.profile ?? 'generic'}\`)\n`
    )
  }

  const written = fixed ? writeFixes(io, fixed) : true

  const text = report(files, settings, io, [])
  // With `--fix -`, stdout carries the fixed text: the report goes to stderr.
  if (settings.outputFile === undefined) (fixed?.stdinText === undefined ? io.stdout : io.stderr).write(text)
  else if (!writeReport(io, settings, text)) return exitCodes.usage
  if (!written) return exitCodes.usage

  const messages = files.flatMap((file) => file.messages)
  const errors = messages.filter((message) => message.fatal === true).length
  const warnings = messages.filter((message) => message.fatal === false).length
  if (settings.maxWarnings !== undefined && warnings > settings.maxWarnings) {
    io.stderr.write(
      `postmortem-lint: ${warnings} warnings, more than \`--max-warnings ${settings.maxWarnings}\` allows\n`
    )
    return exitCodes.lint
  }
  const failed = errors > 0 || (settings.frail && settings.maxWarnings === undefined && warnings > 0)
  return failed ? exitCodes.lint : exitCodes.ok
}

/** What `--fix` did: the files as last linted, the texts to write. */
interface Fixed {
  readonly files: VFile[]
  /** The fixed files (absolute paths), with their text and how many fixes; standard input's is not written. */
  readonly changes: ReadonlyArray<{
    readonly path: string | undefined
    readonly name: string
    readonly text: string
    readonly count: number
  }>
  /** The text of standard input once fixed (as it was when nothing was fixed). */
  readonly stdinText: string | undefined
  /** Files that were not fixed, and why. */
  readonly notes: readonly string[]
}

/** Fix the files (in memory), linting them again with the same options. */
async function fix(files: VFile[], options: LintOptions, stdin: VFile | undefined): Promise<Fixed> {
  const result = await fixFiles(files, async (again) => (await lintFiles({...options, files: again, jobs: 1})).files)
  const cwd = options.cwd ?? process.cwd()
  const stdinPath = stdin ? path.resolve(stdin.cwd, stdin.path) : undefined
  let stdinText = stdin ? String(stdin.value ?? '') : undefined
  const changes = result.fixed.map((item) => {
    const absolute = path.resolve(item.file.cwd, item.file.path)
    if (absolute === stdinPath) stdinText = item.text
    return {
      path: absolute === stdinPath ? undefined : absolute,
      name: relativePath(item.file, cwd),
      text: item.text,
      count: item.count
    }
  })
  const notes = result.notText.map((file) => `not fixed: \`${relativePath(file, cwd)}\` is not UTF-8 text`)
  return {files: result.files, changes, stdinText, notes}
}

/**
 * Write the fixed files and say on stderr what was fixed (standard input's
 * text goes to stdout); a file that cannot be written is told in one line.
 */
function writeFixes(io: CliIo, fixed: Fixed): boolean {
  let ok = true
  for (const change of fixed.changes) {
    try {
      if (change.path !== undefined) writeFileSync(change.path, change.text)
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? firstLine((error as Error).message)
      io.stderr.write(`postmortem-lint: Cannot write the fixes to \`${change.name}\`: ${reason}\n`)
      ok = false
      continue
    }
    const problems = `${change.count} ${change.count === 1 ? 'problem' : 'problems'}`
    io.stderr.write(`postmortem-lint: fixed ${problems} in \`${change.name}\`\n`)
  }
  for (const note of fixed.notes) io.stderr.write(`postmortem-lint: ${note}\n`)
  if (fixed.stdinText !== undefined) io.stdout.write(fixed.stdinText)
  return ok
}

/** Standard input as a file named `name` (relative to the folder of the run), or `<stdin>`. */
async function readStdin(io: CliIo, name: string | undefined): Promise<VFile> {
  const chunks: Buffer[] = []
  for await (const chunk of io.stdin ?? []) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  // An absolute path: the engine finds the config and ignore files from its folder.
  return new VFile({path: path.resolve(io.cwd, name ?? '<stdin>'), value: Buffer.concat(chunks).toString('utf8')})
}

/** Write the report to `--output-file`, making its folder; tell a failure in one line. */
function writeReport(io: CliIo, settings: Settings, text: string): boolean {
  const target = path.resolve(io.cwd, settings.outputFile ?? '')
  try {
    mkdirSync(path.dirname(target), {recursive: true})
    writeFileSync(target, text)
    return true
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? firstLine((error as Error).message)
    io.stderr.write(`postmortem-lint: Cannot write \`--output-file\` \`${settings.outputFile}\`: ${reason}\n`)
    return false
  }
}

function report(files: VFile[], settings: Settings, io: CliIo, problems: readonly string[]): string {
  switch (settings.format) {
    case 'json':
      return formatJson(files, io.cwd)
    case 'github':
      return formatGithub(files, repositoryRoot(io.cwd))
    case 'gitlab':
      return formatGitlab(files, repositoryRoot(io.cwd))
    case 'junit':
      return formatJunit(files, io.cwd)
    case 'summary':
      return formatSummary(files, io.cwd)
    case 'sarif':
      return formatSarif(files, io.cwd, {problems})
    default:
      return formatStylish(files, {
        color: settings.color ?? (settings.outputFile === undefined && colorSupported(io.stdout)),
        quiet: settings.quiet
      })
  }
}

/** Colors on a terminal that has them (`NO_COLOR`, `FORCE_COLOR` and `TERM` are honoured by Node). */
function colorSupported(stream: CliIo['stdout']): boolean {
  return stream.isTTY === true && typeof stream.hasColors === 'function' && stream.hasColors()
}

function parseArguments(argv: readonly string[], cwd: string): Settings | 'help' | 'version' {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    // `parseArgs` explains itself in its first sentence, e.g. "Unknown option '--x'."
    const text = error instanceof Error ? firstLine(error.message) : String(error)
    const message = text.split('. ')[0] ?? text
    throw new UsageError(message.replace(/\.$/, '') + ' (see `postmortem-lint --help`)')
  }
  const {values, positionals} = parsed
  if (values.help) return 'help'
  if (values.version) return 'version'
  if (values.frail && values['no-frail']) throw new UsageError('Unexpected `--frail` with `--no-frail`, expected one')
  if (values.color && values['no-color']) throw new UsageError('Unexpected `--color` with `--no-color`, expected one')
  if (values.config !== undefined && values['no-config']) {
    throw new UsageError('Unexpected `--config` with `--no-config`, expected one')
  }
  if (values['max-warnings'] !== undefined && values['no-frail']) {
    throw new UsageError('Unexpected `--max-warnings` with `--no-frail`, expected one')
  }
  if (positionals.length === 0) {
    throw new UsageError('Missing files to lint, expected files, folders or globs (see `postmortem-lint --help`)')
  }
  if (positionals.filter((file) => file === '-').length > 1) {
    throw new UsageError('Unexpected `-` more than once, expected standard input once')
  }
  if (values['stdin-filename'] !== undefined && !positionals.includes('-')) {
    throw new UsageError(
      'Unexpected `--stdin-filename` without `-`, expected `-` among the files to read standard input'
    )
  }
  if (values['stdin-filename'] === '') throw new UsageError('Unexpected empty `--stdin-filename`, expected a file name')
  if (values['output-file'] === '') throw new UsageError('Unexpected empty `--output-file`, expected a file name')
  const format = expectOneOf(values.format, '--format', formats, 'stylish')
  if (values.profile !== undefined) resolveProfile(values.profile, '--profile')
  const jobs = parseJobs(values.jobs)
  return {
    files: positionals,
    profile: values.profile,
    format,
    frail: !values['no-frail'],
    quiet: values.quiet ?? false,
    color: values.color ? true : values['no-color'] ? false : undefined,
    detectConfig: !values['no-config'],
    configPath: values.config === undefined ? undefined : configFile(values.config, cwd),
    detectIgnore: !values['no-ignore'],
    jobs,
    outputFile: values['output-file'],
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    stdinFilename: values['stdin-filename'],
    fix: values.fix ?? false
  }
}

/** `--max-warnings`: a whole number of at least 0. */
function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (/^[0-9]+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value)
  throw new UsageError(`Unexpected value ${show(value)} for \`--max-warnings\`, expected a whole number of at least 0`)
}

/** `--config`: a file that exists (the engine would say so only once per file linted). */
function configFile(value: string, cwd: string): string {
  let isFile = false
  try {
    isFile = statSync(path.resolve(cwd, value)).isFile()
  } catch {}
  if (!isFile) {
    throw new UsageError(
      `No such file \`${value}\` for \`--config\`, expected a remark config file (such as \`.remarkrc.json\`)`
    )
  }
  return value
}

/** `--jobs`: `auto` or a whole number of at least 1. */
function parseJobs(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto'
  if (/^[0-9]+$/.test(value) && Number(value) >= 1 && Number.isSafeInteger(Number(value))) return Number(value)
  throw new UsageError(
    `Unexpected value ${show(value)} for \`--jobs\`, expected ${listAllowed(['auto'])} or a whole number of at least 1`
  )
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      profile: {type: 'string', short: 'p'},
      format: {type: 'string', short: 'f'},
      frail: {type: 'boolean'},
      'no-frail': {type: 'boolean'},
      quiet: {type: 'boolean', short: 'q'},
      jobs: {type: 'string', short: 'j'},
      color: {type: 'boolean'},
      'no-color': {type: 'boolean'},
      config: {type: 'string', short: 'c'},
      'no-config': {type: 'boolean'},
      'no-ignore': {type: 'boolean'},
      'output-file': {type: 'string', short: 'o'},
      'max-warnings': {type: 'string'},
      'stdin-filename': {type: 'string'},
      fix: {type: 'boolean'},
      help: {type: 'boolean', short: 'h'},
      version: {type: 'boolean', short: 'v'}
    }
  })
}

/**
 * Problems that stop linting rather than findings about a document: a config
 * that does not load, a plugin that does not exist or rejects its options, a
 * file that cannot be read. unified-engine reports them as fatal messages
 * without a rule id on every file concerned; each is told once.
 */
export function setupProblems(files: readonly VFile[], tell = false): string[] {
  const problems: string[] = []
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal !== true || message.ruleId) continue
      const text = /no such file/i.test(message.reason) ? `${message.reason}: ${file.path}` : explain(message)
      if (!problems.includes(text)) problems.push(text)
      // `tell`: the message says it too, so that a report written anyway carries it.
      if (tell) {
        message.reason = text
        message.message = text
        message.cause = undefined
      }
    }
  }
  return problems
}

/**
 * The engine wraps what went wrong (`Cannot process file`, `Cannot parse
 * file`, ...) around the error itself: tell the chain, first lines only.
 */
function explain(message: {reason: string; cause?: unknown}): string {
  const parts: string[] = []
  if (!/^Cannot process file$/.test(message.reason)) parts.push(firstLine(message.reason))
  let cause = message.cause
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    parts.push(firstLine(cause.message))
    cause = cause.cause
  }
  return parts.length > 0 ? parts.join(': ') : firstLine(message.reason)
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? text
}

function fail(io: CliIo, error: unknown): number {
  io.stderr.write(`postmortem-lint: ${problemOf(error)}\n`)
  return exitCodes.usage
}

function problemOf(error: unknown): string {
  return error instanceof UsageError || error instanceof OptionError
    ? error.message
    : error instanceof Error
      ? firstLine(error.message)
      : String(error)
}
