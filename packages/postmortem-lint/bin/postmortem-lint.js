#!/usr/bin/env node
// The bin is this file, present before the build, so that package managers
// can link it at install time. A published package holds the CLI bundled
// into one file (`dist/postmortem-lint.js`, built by `prepack`), which starts
// in a fraction of the time of loading each module; in the repository, the
// CLI compiled to dist/ runs.
import {existsSync} from 'node:fs'

const bundle = new URL('../dist/postmortem-lint.js', import.meta.url)
await import(existsSync(bundle) ? bundle.href : '../dist/bin.js')
