// End-to-end runs, as a user runs each linter from a shell: a fresh Node
// process over a folder of postmortems, and over one file (start-up cost).
// Wall time from this process, peak memory (max RSS) from `/usr/bin/time`
// when it is there, else from the child's own `process.resourceUsage()`.
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {postmortemFolder} from './generate.js'
import {median} from './measure.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../../..')
const gnuTime = '/usr/bin/time'

/** Our CLI's entry, when its package is built and is more than a placeholder. */
export function ourCli() {
  const bin = path.join(root, 'packages/postmortem-lint/dist/bin.js')
  if (!existsSync(bin)) return undefined
  const code = readFileSync(bin, 'utf8')
    .replace(/^\/\/# sourceMappingURL=.*$/m, '')
    .trim()
  return code === '' || code === 'export {};' ? undefined : bin
}

/**
 * The CLI as the published package holds it: its bin beside the CLI bundled
 * into one file, built as the package's `prepack` step builds it.
 */
function publishedCli(scratch) {
  const folder = path.join(scratch, 'published')
  mkdirSync(path.join(folder, 'bin'), {recursive: true})
  const bin = path.join(folder, 'bin/postmortem-lint.js')
  copyFileSync(path.join(root, 'packages/postmortem-lint/bin/postmortem-lint.js'), bin)
  writeFileSync(path.join(folder, 'package.json'), '{"type": "module"}\n')
  const built = spawnSync(
    process.execPath,
    [path.join(root, 'packages/postmortem-lint/scripts/bundle.js'), path.join(folder, 'dist/postmortem-lint.js')],
    {stdio: ['ignore', 'ignore', 'inherit']}
  )
  if (built.status !== 0) throw new Error('The CLI bundle did not build')
  return bin
}

function packageFile(name, file) {
  return path.join(root, 'node_modules', name, file)
}

/**
 * The linters, each as a command over a target (a folder or one file) run
 * from the folder that holds it, where none of them finds a config file.
 */
export function linters(scratch) {
  const list = []
  const ours = ourCli() && publishedCli(scratch)
  if (ours) list.push({name: 'postmortem-lint', args: (target) => [ours, target]})
  // The same pipeline as (c) in process: task lists and tables need remark-gfm.
  const gfm = fileURLToPath(import.meta.resolve('remark-gfm'))
  const recommended = fileURLToPath(import.meta.resolve('remark-preset-lint-recommended'))
  list.push({
    name: 'remark CLI + remark-gfm + remark-preset-lint-recommended',
    args: (target) => [packageFile('remark-cli', 'cli.js'), '--use', gfm, '--use', recommended, '--no-stdout', target]
  })
  list.push({
    name: 'markdownlint-cli2',
    args: (target) => [
      packageFile('markdownlint-cli2', 'markdownlint-cli2-bin.mjs'),
      target === '.' ? '**/*.md' : target
    ]
  })
  return list
}

const preload = `
import {writeFileSync} from 'node:fs'
process.on('exit', () => {
  writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS))
})
`

/** Run `node ...args` in `cwd` once: wall ms, peak KB, exit code. */
function runOnce(args, cwd, scratch) {
  const rssFile = path.join(scratch, 'rss.txt')
  const errFile = path.join(scratch, 'stderr.txt')
  rmSync(rssFile, {force: true})
  const useTime = existsSync(gnuTime)
  const command = useTime ? gnuTime : process.execPath
  const commandArgs = useTime
    ? ['-f', '%M', '-o', rssFile, process.execPath, ...args]
    : ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, ...args]
  const start = performance.now()
  const result = spawnSync(command, commandArgs, {
    cwd,
    env: {...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1', FORCE_COLOR: '0'},
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1024 * 1024 * 256
  })
  const wall = performance.now() - start
  writeFileSync(errFile, result.stderr ?? '')
  if (result.error) throw result.error
  // Linters exit 1 when they report something; 2 and up, or a signal, is a crash.
  if (result.signal || (result.status ?? 0) > 1) {
    throw new Error(
      `\`node ${args.join(' ')}\` failed (${result.signal ?? result.status}):\n${String(result.stderr).slice(-2000)}`
    )
  }
  const peakKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : Number.NaN
  return {wall, peakKb, status: result.status}
}

/**
 * Time each linter over `files` generated postmortems and over one file.
 * @returns {{files: number, rows: Array<{name: string, many: {wall: number, peakKb: number}, one: {wall: number, peakKb: number}}>, memory: string}}
 */
export function endToEnd({files = 2000, runs = 3, singleRuns = 5, log = () => {}} = {}) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'postmortem-bench-'))
  try {
    const many = path.join(scratch, 'many')
    const one = path.join(scratch, 'one')
    mkdirSync(many)
    mkdirSync(one)
    const folder = postmortemFolder(files)
    for (const file of folder) writeFileSync(path.join(many, file.name), file.value)
    writeFileSync(path.join(one, 'postmortem.md'), folder[0]?.value ?? '')
    // The linters take turns, run by run, so that a machine that grows
    // busier or quieter during the runs weighs on each of them alike.
    const list = [...linters(scratch), {name: 'bare `node -e 0`', bare: true, args: () => ['-e', '0']}]
    const manyRuns = list.map(() => [])
    const oneRuns = list.map(() => [])
    log(`  ${list.length - 1} linters taking turns: ${files} files ×${runs}, one file ×${singleRuns}`)
    for (let index = 0; index < Math.max(runs, singleRuns); index++) {
      list.forEach((linter, at) => {
        if (index < runs && !linter.bare) manyRuns[at].push(runOnce(linter.args('.'), many, scratch))
        if (index < singleRuns) oneRuns[at].push(runOnce(linter.args('postmortem.md'), one, scratch))
      })
    }
    const summary = (samples) => ({
      wall: median(samples.map((run) => run.wall)),
      peakKb: median(samples.map((run) => run.peakKb))
    })
    const rows = list.map((linter, at) =>
      linter.bare
        ? {name: linter.name, bare: true, one: summary(oneRuns[at])}
        : {name: linter.name, many: summary(manyRuns[at]), one: summary(oneRuns[at])}
    )
    return {
      files,
      rows,
      memory: existsSync(gnuTime) ? 'max RSS from `/usr/bin/time`' : 'max RSS from `process.resourceUsage()`',
      ours: ourCli() !== undefined
    }
  } finally {
    rmSync(scratch, {recursive: true, force: true})
  }
}
