#!/usr/bin/env node
// The published CLI's first file. The CLI itself is bundled into one script
// beside this file (`<this name>.cjs`, built by scripts/bundle.js), which
// this file runs with V8's code cache of it (`<this name>.cache`, made when
// the bundle was built, by linting the example postmortems once): V8 then
// reads the compiled code instead of compiling the 2 MB script afresh on
// every run, the larger part of a one-file run's start-up. A cache made by
// another version of Node or V8 is rejected by V8 (`cachedDataRejected`) and
// the script compiles as without one. Lint worker threads start this file too.
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'
import {isMainThread} from 'node:worker_threads'

const self = fileURLToPath(import.meta.url)
const scriptPath = self.replace(/\.js$/, '.cjs')
const cachePath = self.replace(/\.js$/, '.cache')

/** @type {Buffer | undefined} */
let cachedData
try {
  cachedData = readFileSync(cachePath)
} catch {
  // No cache: compile.
}

// The bundle's first line, `#!/usr/bin/env node`, is left out (not its line
// ending: the lines of stack traces stay those of the file).
const source = readFileSync(scriptPath, 'utf8').replace(/^#!.*/, '')
// The arguments a CommonJS module gets, the URL the bundle's
// `import.meta.url` stands for (this file's, which the workers start), and
// the `import()` of config files and plugins, which a script run from a code
// cache cannot make in Node 20 (see scripts/bundle.js).
const script = new vm.Script(
  `(function (exports, require, module, __filename, __dirname, __bundleUrl, __importModule) {${source}\n})`,
  {filename: scriptPath, cachedData}
)
const module = {exports: {}}
script.runInThisContext()(
  module.exports,
  createRequire(scriptPath),
  module,
  scriptPath,
  path.dirname(scriptPath),
  import.meta.url,
  (/** @type {string} */ specifier) => import(specifier)
)

// Set by scripts/bundle.js only: write the cache once this run is done,
// when the functions it ran are compiled.
const cacheOut = process.env.POSTMORTEM_LINT_WRITE_CODE_CACHE
if (cacheOut && isMainThread) process.once('exit', () => writeFileSync(cacheOut, script.createCachedData()))
