/**
 * Handlebars, configured so templates stay dumb and safe: no HTML escaping (we emit TypeScript), and
 * every value goes through one of three helpers: {{json x}}, {{id x}}, {{comment x}}. A bare {{x}}
 * is refused at render time unless the view marked it as code built by the generator (`raw`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { TEMPLATES_DIR } from '../paths.js';
import Handlebars from 'handlebars';
import { commentText, identifier, literal } from './safe-text.js';

export { TEMPLATES_DIR };

/** Generator-built code (type expressions made from identifiers and literals). */
export class Code {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function code(text: string): Code {
  return new Code(text);
}

let engine: typeof Handlebars | undefined;
const compiled = new Map<string, HandlebarsTemplateDelegate>();

function getEngine(): typeof Handlebars {
  if (engine) return engine;
  const hb = Handlebars.create();
  hb.registerHelper('json', (value: unknown) => literal(value));
  hb.registerHelper('id', (value: unknown) => identifier(String(value)));
  hb.registerHelper('comment', (value: unknown) => commentText(value));
  hb.registerHelper('code', (value: unknown) => {
    if (!(value instanceof Code)) throw new Error('{{code}} only takes generator-built code');
    return value.text;
  });
  for (const file of readdirSync(TEMPLATES_DIR).filter((f) => f.startsWith('_') && f.endsWith('.hbs'))) {
    hb.registerPartial(file.slice(1, -4), readFileSync(TEMPLATES_DIR + file, 'utf8'));
  }
  engine = hb;
  return hb;
}

export function render(template: string, view: object): string {
  let fn = compiled.get(template);
  if (!fn) {
    fn = getEngine().compile(readFileSync(TEMPLATES_DIR + template, 'utf8'), { noEscape: true, strict: true });
    compiled.set(template, fn);
  }
  return fn(view).replace(/\r\n?/g, '\n');
}
