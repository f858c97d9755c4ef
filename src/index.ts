/** nianbao's library API: the same functions the command line calls. */
export { parseBuffer, parseFile } from './pipeline';
export { NianbaoError } from './errors';
export type { ErrorCode } from './errors';
export { Report, jsonSchema } from './schema';
export type { ReportRecord } from './schema';
export type { ParseOptionsInput as ParseOptions } from './options';
export * as model from './model';
export { batch, formatSummary } from './batch';
export type { BatchIo, BatchOptionsInput as BatchOptions, BatchSummary, BatchErrorCode, ErrorRecord } from './batch';
export { ReportStore, reportRows, SCHEMA_SQL } from './store/sqlite';
export type { ReportRows, StoredError } from './store/sqlite';
export { harvest, harvestedReports, HarvestOptions, formatHarvestSummary } from './harvest';
export type { HarvestIo, HarvestOptionsInput, HarvestSummary, HarvestedReport, NewSinceOptionsInput } from './harvest';
export { contractPaths, wideHeader, LONG_HEADER } from './csv/columns';
