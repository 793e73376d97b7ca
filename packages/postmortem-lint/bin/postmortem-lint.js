#!/usr/bin/env node
// The bin is this file, present before the build, so that package managers
// can link it at install time; the CLI itself is compiled to dist/.
import '../dist/bin.js'
