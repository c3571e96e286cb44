/** What a handler receives for a multipart file field: the part held in memory (multipart.ts parses it). */
export interface UploadedFile {
  fieldName: string;
  filename: string;
  mimeType: string;
  size: number;
  buffer: Buffer;
}
