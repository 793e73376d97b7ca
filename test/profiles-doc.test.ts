import {readFileSync} from 'node:fs'
import {expect, it} from 'vitest'
// @ts-expect-error: plain JavaScript module, also run as a script.
import {renderPage} from '../scripts/profiles-doc.js'

it('docs/profiles.md lists the profiles as the code defines them', () => {
  const text = readFileSync(new URL('../docs/profiles.md', import.meta.url), 'utf8')
  expect(renderPage(text), 'run `node scripts/profiles-doc.js`').toBe(text)
})
