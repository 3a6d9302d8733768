#!/usr/bin/env node
// The package's bin: load TypeScript sources through tsx so there is no build step to forget.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
