#!/usr/bin/env node
// The `storedesk` command. The sources are TypeScript; tsx compiles them on the fly.
require('tsx/cjs/api').register();
require('./main.ts');
