#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/cli.ts
console.error("ipa-ota: not built yet");
process.exitCode = 1;
