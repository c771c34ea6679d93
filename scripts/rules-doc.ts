// Writes docs/rules.md from core's rule help (`npx tsx scripts/rules-doc.ts`); a test keeps the two equal.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rulesDocument } from '../src/core/index.ts';

writeFileSync(resolve(import.meta.dirname, '../docs/rules.md'), rulesDocument());
