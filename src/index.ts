/** nianbao's library API: the same functions the command line calls. */
export { parseBuffer, parseFile } from './pipeline';
export { NianbaoError } from './errors';
export type { ErrorCode } from './errors';
export { Report, jsonSchema } from './schema';
export type { ReportRecord } from './schema';
export type { ParseOptionsInput as ParseOptions } from './options';
export * as model from './model';
