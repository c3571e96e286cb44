/**
 * Which media types are XML (`application/xml`, `text/xml`, `application/*+xml`). On its own, without
 * the XML parser beside it (xml-body.ts loads express and fast-xml-parser), so the generator can ask
 * the runtime's own question without loading either.
 */
export function isXmlMediaType(type: string): boolean {
  return /^(application|text)\/([^;]*\+)?xml\s*(;|$)/i.test(type.trim());
}
