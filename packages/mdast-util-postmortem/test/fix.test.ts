import {applyFixes, insertBlockFix, isPostmortemFix, replaceFix, SourceText} from 'mdast-util-postmortem'
import {describe, expect, it} from 'vitest'

/** Insert `## Impact` at `point` of `value` and give the new text. */
function insert(value: string, point: {line: number; column: number}): string {
  const fix = insertBlockFix(new SourceText(value), point, '## Impact', false)
  if (!fix) throw new Error('no fix')
  return applyFixes(value, [fix]).text
}

describe('insertBlockFix', () => {
  it('puts a blank line before and after the block, whatever blank lines are there', () => {
    // On the blank line before the next heading.
    expect(insert('Text.\n\n## Timeline\n', {line: 2, column: 1})).toBe('Text.\n\n## Impact\n\n## Timeline\n')
    // At the next heading itself.
    expect(insert('Text.\n\n## Timeline\n', {line: 3, column: 1})).toBe('Text.\n\n## Impact\n\n## Timeline\n')
    // Right under a line, no blank line around.
    expect(insert('Text.\n## Timeline\n', {line: 2, column: 1})).toBe('Text.\n\n## Impact\n\n## Timeline\n')
    // A blank line of spaces counts as blank.
    expect(insert('Text.\n  \n## Timeline\n', {line: 3, column: 1})).toBe('Text.\n  \n## Impact\n\n## Timeline\n')
    // At the start of the file.
    expect(insert('## Timeline\n', {line: 1, column: 1})).toBe('## Impact\n\n## Timeline\n')
  })

  it('keeps a final line ending at the end of the file, and adds one after a last line without', () => {
    expect(insert('Rolled back release 42.\n', {line: 2, column: 1})).toBe('Rolled back release 42.\n\n## Impact\n')
    expect(insert('Rolled back release 42.\n\n', {line: 3, column: 1})).toBe('Rolled back release 42.\n\n## Impact\n')
    expect(insert('Rolled back release 42.', {line: 1, column: 24})).toBe('Rolled back release 42.\n\n## Impact\n')
    expect(insert('', {line: 1, column: 1})).toBe('## Impact\n')
  })

  it('writes the file’s line endings', () => {
    expect(insert('Text.\r\n\r\n## Timeline\r\n', {line: 2, column: 1})).toBe(
      'Text.\r\n\r\n## Impact\r\n\r\n## Timeline\r\n'
    )
    expect(insert('Rolled back.', {line: 1, column: 13})).toBe('Rolled back.\n\n## Impact\n')
    const fix = insertBlockFix(new SourceText('Text.\r\n'), {line: 2, column: 1}, '## A\n\n## B', true)
    expect(fix).toEqual({start: 7, end: 7, text: '\r\n## A\r\n\r\n## B\r\n', safe: true})
  })

  it('inserts before the line when the point is inside it (a title in a list item)', () => {
    expect(insert('Text.\n\n- **Timeline**\n  - 10:00 alert\n', {line: 3, column: 3})).toBe(
      'Text.\n\n## Impact\n\n- **Timeline**\n  - 10:00 alert\n'
    )
  })

  it('gives no fix without the text or a place in it', () => {
    expect(insertBlockFix(undefined, {line: 1, column: 1}, '## Impact', false)).toBeUndefined()
    expect(insertBlockFix(new SourceText('a\n'), undefined, '## Impact', false)).toBeUndefined()
    expect(insertBlockFix(new SourceText('a\n'), {line: 9, column: 1}, '## Impact', false)).toBeUndefined()
  })
})

describe('replaceFix', () => {
  it('turns a position into offsets, CRLF lines counted as the parser counts them', () => {
    const source = new SourceText('# A\r\n\r\n- 09:00 PST: alert\r\n')
    expect(replaceFix(source, {start: {line: 3, column: 9}, end: {line: 3, column: 12}}, 'PDT', true)).toEqual({
      start: 15,
      end: 18,
      text: 'PDT',
      safe: true
    })
    expect(source.value.slice(15, 18)).toBe('PST')
    expect(replaceFix(source, undefined, 'PDT', true)).toBeUndefined()
  })
})

describe('applyFixes', () => {
  const value = 'aa bb cc dd'

  it('applies fixes in text order, the text between them kept', () => {
    const result = applyFixes(value, [
      {start: 9, end: 11, text: 'DD', safe: true},
      {start: 0, end: 2, text: 'AA', safe: true},
      {start: 5, end: 5, text: '!', safe: true}
    ])
    expect(result.text).toBe('AA bb! cc DD')
    expect(result.applied.map((fix) => fix.start)).toEqual([0, 5, 9])
    expect(result.skipped).toEqual([])
  })

  it('leaves a fix that overlaps or touches one applied before for the next pass, as ESLint does', () => {
    const result = applyFixes(value, [
      {start: 0, end: 5, text: 'X', safe: true},
      {start: 3, end: 8, text: 'Y', safe: true},
      {start: 5, end: 8, text: 'Z', safe: true},
      {start: 9, end: 11, text: 'W', safe: true}
    ])
    expect(result.text).toBe('X cc W')
    expect(result.skipped).toEqual([
      {start: 3, end: 8, text: 'Y', safe: true},
      {start: 5, end: 8, text: 'Z', safe: true}
    ])
  })

  it('leaves out a fix past the end of the text, and changes nothing with no fixes', () => {
    expect(applyFixes(value, [{start: 11, end: 12, text: 'x', safe: true}]).text).toBe(value)
    expect(applyFixes(value, []).text).toBe(value)
  })
})

describe('isPostmortemFix', () => {
  it('accepts the shape messages carry, nothing else', () => {
    expect(isPostmortemFix({start: 1, end: 1, text: '', safe: false})).toBe(true)
    expect(isPostmortemFix({start: 2, end: 1, text: '', safe: false})).toBe(false)
    expect(isPostmortemFix({start: -1, end: 1, text: '', safe: false})).toBe(false)
    expect(isPostmortemFix({start: 0, end: 1, text: 3, safe: false})).toBe(false)
    expect(isPostmortemFix({start: 0, end: 1, text: ''})).toBe(false)
    expect(isPostmortemFix(['## Impact'])).toBe(false)
    expect(isPostmortemFix(null)).toBe(false)
  })
})
