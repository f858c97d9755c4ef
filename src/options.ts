import { z } from 'zod';

/** Options of the library and the CLI, parsed once at the entry point; defaults live here only. */
export const ParseOptions = z.object({
  /** The name the record gives as source.path (and errors name); "-" for stdin. */
  path: z.string().default('-'),
  /** Force a format instead of sniffing it from the content. */
  format: z.enum(['pdf', 'docx', 'doc', 'html', 'text']).optional(),
}).strict();

export type ParseOptionsInput = z.input<typeof ParseOptions>;
export type ParseOptionsParsed = z.output<typeof ParseOptions>;
