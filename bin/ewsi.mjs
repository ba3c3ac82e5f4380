#!/usr/bin/env node
// The `ewsi` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../electron/core/cli/ewsi.ts');
