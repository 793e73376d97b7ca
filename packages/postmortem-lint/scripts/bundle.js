/**
 * Bundle the CLI and everything it imports (the model, the rules, the preset,
 * unified-engine, ...) from the TypeScript sources into one script,
 * `dist/postmortem-lint.cjs`, and beside it the bin of the repository's root
 * package, `dist/postmortem-lint.js` (a copy of `start.js`, which runs the
 * script with the V8 code cache made here, `dist/postmortem-lint.cache`).
 * pre-commit installs a hook repository with `npm install`, `npm pack` and
 * `npm install -g` of the packed root package; npm knows nothing of the pnpm
 * workspace, so the workspace packages are read from their sources here and
 * their third-party dependencies come from the root's devDependencies.
 *
 * Usage: node packages/postmortem-lint/scripts/bundle.js [outfile]
 * (`outfile` ends in `.js`; the script and the cache are written beside it)
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = new URL('../../../', import.meta.url)
const packages = new URL('packages/', root)
const outfile = path.resolve(process.argv[2] ?? fileURLToPath(new URL('dist/postmortem-lint.js', root)))

/** Each workspace package name points at its TypeScript entry. */
const alias = {}
for (const folder of readdirSync(packages, {withFileTypes: true})) {
  if (!folder.isDirectory()) continue
  const manifest = JSON.parse(readFileSync(new URL(`${folder.name}/package.json`, packages), 'utf8'))
  alias[manifest.name] = fileURLToPath(new URL(`${folder.name}/src/index.ts`, packages))
}

/**
 * Edits of the engine's modules as they go into the bundle.
 *
 * A config file or a plugin (`.remarkrc.js`, `remark-lint-*`) is imported
 * at run time with `import()`. In a script run from V8's code cache, Node 20
 * cannot run an `import()` (the script's host options are not kept with the
 * cache), so those calls go through `__importModule`, an `import()` made by
 * start.js, which is a module: a new `import()` in the engine fails the
 * build (see `checkNoImportCalls`).
 *
 * Modules the CLI needs only when a config file asks for them: `yaml` for a
 * `.remarkrc.yml`, `load-plugin` (and the npm config reader it holds, most
 * of the bundle by size) for a plugin or reporter named by a string. The
 * engine imports them up front; here each such import becomes a dynamic
 * import at its one use, inside an async function, so that a run without
 * such a config never evaluates them (the bundler keeps them in the bundle,
 * wrapped to run at their first import). Each edit must find its text: a new
 * version of the engine that moved it fails the build, not the CLI.
 */
const lazyImports = [
  {
    file: /unified-engine[\\/]lib[\\/]configuration\.js$/,
    edits: [
      ["import {resolvePlugin} from 'load-plugin'\n", ''],
      ["import yaml from 'yaml'\n", ''],
      ['await resolvePlugin(id, {', "await (await import('load-plugin')).resolvePlugin(id, {"],
      ['return yaml.parse(String(buf))', "return (await import('yaml')).default.parse(String(buf))"],
      ['await import(fileUrl)', 'await __importModule(fileUrl)']
    ]
  },
  {
    file: /load-plugin[\\/]lib[\\/]index\.js$/,
    edits: [['await import(href)', 'await __importModule(href)']]
  },
  {
    file: /unified-engine[\\/]lib[\\/]file-set-pipeline[\\/]log\.js$/,
    edits: [
      ["import {loadPlugin} from 'load-plugin'\n", ''],
      ['await loadPlugin(settings.reporter, {', "await (await import('load-plugin')).loadPlugin(settings.reporter, {"]
    ]
  }
]

/** @type {import('esbuild').Plugin} */
const lazy = {
  name: 'lazy-imports',
  setup(builder) {
    for (const {file, edits} of lazyImports) {
      builder.onLoad({filter: file}, async (args) => {
        let contents = await readFile(args.path, 'utf8')
        for (const [from, to] of edits) {
          if (!contents.includes(from)) throw new Error(`Cannot find \`${from.trim()}\` in ${args.path}`)
          contents = contents.replace(from, to)
        }
        return {contents, loader: 'js'}
      })
    }
  }
}

/**
 * Our JSON (the task lexicon, the word lists) as a string that
 * `JSON.parse` reads at start-up: V8 reads a JSON text faster than the
 * same data written as a JavaScript object literal, which is how the
 * bundler would write it. Every import of these files takes the default.
 */
/** @type {import('esbuild').Plugin} */
const jsonText = {
  name: 'json-text',
  setup(builder) {
    builder.onLoad({filter: /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.json$/}, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')))
      return {contents: `export default JSON.parse(${JSON.stringify(text)})`, loader: 'js'}
    })
  }
}

const base = outfile.replace(/\.js$/, '')
await build({
  entryPoints: [fileURLToPath(new URL('postmortem-lint/src/bin.ts', packages))],
  outfile: `${base}.cjs`,
  bundle: true,
  platform: 'node',
  // A script, not a module: V8 keeps a code cache of a script (see start.js).
  format: 'cjs',
  target: 'node20',
  alias,
  define: {'import.meta.url': '__bundleUrl'},
  plugins: [lazy, jsonText],
  logLevel: 'warning'
})
checkNoImportCalls(`${base}.cjs`)
copyFileSync(fileURLToPath(new URL('start.js', import.meta.url)), outfile)
chmodSync(outfile, 0o755)

// The code cache: lint the example postmortems once, then keep what V8
// compiled. Without the examples (or if that run fails), no cache: the CLI
// works as well, and starts slower.
rmSync(`${base}.cache`, {force: true})
const examples = fileURLToPath(new URL('fixtures/examples/', root))
if (existsSync(examples)) {
  const warm = spawnSync(process.execPath, [outfile, '--no-color', '--no-frail', examples], {
    cwd: fileURLToPath(root),
    env: {...process.env, POSTMORTEM_LINT_WRITE_CODE_CACHE: `${base}.cache`},
    stdio: ['ignore', 'ignore', 'inherit']
  })
  if (warm.status !== 0 || !existsSync(`${base}.cache`)) {
    rmSync(`${base}.cache`, {force: true})
    console.warn(`postmortem-lint: no code cache (the example run exited with ${warm.status})`)
  }
}

/** Fail when the bundle holds an `import()` (see `lazyImports`); comments aside. */
function checkNoImportCalls(file) {
  const lines = readFileSync(file, 'utf8').split('\n')
  const found = lines.flatMap((line, index) =>
    /^\s*(?:\/\/|\*|\/\*)/.test(line) || !/(?<![\w$.])import\(/.test(line) ? [] : [`${index + 1}: ${line.trim()}`]
  )
  if (found.length > 0) {
    throw new Error(
      `Unexpected \`import()\` in the bundle, expected \`__importModule()\` (see lazyImports):\n${found.join('\n')}`
    )
  }
}
