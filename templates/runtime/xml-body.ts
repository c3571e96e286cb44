/**
 * XML request bodies through fast-xml-parser: the root element is unwrapped (`<Pet><name>x</name></Pet>`
 * is `{name: 'x'}`, the shape the schema describes), element text that reads as a number or boolean
 * becomes one, attributes are ignored, and a single element where the schema has an array becomes an
 * array of one (form-fields.ts). A DOCTYPE (entity declarations: the "billion laughs" and external
 * entity attacks) or text that is not well-formed XML is the documented 400.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ValidationFailure } from './validate/failure.js';

export { isXmlMediaType } from './xml-media-type.js';

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: true,
  trimValues: true,
});

export function parseXml(text: string): { value: unknown } | undefined {
  if (/<!DOCTYPE/i.test(text) || XMLValidator.validate(text) !== true) return undefined;
  const parsed = parser.parse(text) as Record<string, unknown>;
  const roots = Object.values(parsed);
  if (roots.length !== 1) return undefined;
  const root = roots[0];
  return { value: root === '' ? {} : root };
}

export function xmlBodyParser(limit: string | number) {
  const text = express.text({ limit, type: () => true });
  return (req: Request, res: Response, next: NextFunction) =>
    text(req, res, (error?: unknown) => {
      if (error) return next(error);
      const parsed = typeof req.body === 'string' ? parseXml(req.body) : undefined;
      if (!parsed)
        return next(new ValidationFailure(400, [{ path: '/body', message: 'is not well-formed XML (a DOCTYPE is not accepted)' }]));
      req.body = parsed.value;
      next();
    });
}
