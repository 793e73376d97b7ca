/** The version of `postmortem-lint`, kept equal to its package.json by a test. */
export const version = '0.1.0'
