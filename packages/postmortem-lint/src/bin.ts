#!/usr/bin/env node
import {run} from './cli.js'
import {isLintWorker} from './workers.js'

// In the one-file bundle, lint workers run this file too: only the CLI's own
// thread runs the CLI.
if (!isLintWorker()) {
  process.exitCode = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr
  })
}
