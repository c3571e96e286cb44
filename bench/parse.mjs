// The "bare parse" baseline: read the spec and parse it (js-yaml for YAML, JSON.parse for JSON), nothing
// else. Plain JavaScript so it runs on bare node, without tsx's loader in the measurement.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

const file = process.argv[2];
if (!file) throw new Error('usage: parse.mjs <spec>');
const text = readFileSync(file, 'utf8');
const doc = file.endsWith('.json') ? JSON.parse(text) : yaml.load(text);
process.stdout.write(`${Object.keys(doc.paths ?? {}).length} paths\n`);
