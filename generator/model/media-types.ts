/**
 * Media-type tests the generator shares with the runtime. isXmlMediaType is the runtime's own test
 * (templates/runtime/xml-body.ts), repeated here because importing that module loads express and
 * fast-xml-parser (the XML body parser lives next to it) into every `faultline generate`, about 90 ms
 * of CPU for two regular expressions. test/unit/media-types.test.ts holds the two to the same answers.
 */
export function isXmlMediaType(type: string): boolean {
  return /^(application|text)\/([^;]*\+)?xml\s*(;|$)/i.test(type.trim());
}
