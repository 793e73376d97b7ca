import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import * as path from 'node:path'
import {describe, expect, it} from 'vitest'
import {repoRoot} from './support.js'

// pre-commit matches `files` with Python's `re.search`: checked here with
// Python itself, which pre-commit needs anyway.
const hooks = readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')
const pattern = /^ {2}files: (.+)$/m.exec(hooks)?.[1] as string

function matches(paths: readonly string[]): boolean[] {
  const script =
    'import json, re, sys\np = sys.argv[1]\nprint(json.dumps([bool(re.search(p, f)) for f in sys.argv[2:]]))'
  return JSON.parse(execFileSync('python3', ['-c', script, pattern, ...paths], {encoding: 'utf8'}))
}

describe('the hook’s default `files` pattern', () => {
  it('takes the Markdown of a postmortems or incidents folder, in any case', () => {
    const paths = [
      'postmortems/2024-05-15-search.md',
      'Postmortems/2024-05-15-search.md',
      'docs/PostMortems/search.md',
      'docs/post-mortem/search.md',
      'INCIDENTS/2024/search.md',
      'team/incident/search.md'
    ]
    expect(matches(paths)).toEqual(paths.map(() => true))
  })

  it('leaves other Markdown alone', () => {
    const paths = ['README.md', 'docs/guide.md', 'docs/postmortem-template.md', 'incidents.md', 'my-incidents/x.md']
    expect(matches(paths)).toEqual(paths.map(() => false))
  })
})
