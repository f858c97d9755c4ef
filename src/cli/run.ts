import { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
// batch and harvest load on use: a cold `nianbao parse` must not pay for worker pools, SQLite and HTTP (~100 ms).
type BatchModule = typeof import('../batch');
type HarvestModule = typeof import('../harvest');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const batchModule = (): BatchModule => require('../batch') as BatchModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const harvestModule = (): HarvestModule => require('../harvest') as HarvestModule;
import { NianbaoError } from '../errors';
import { parseBuffer, parseFile } from '../pipeline';
import { jsonSchema } from '../schema';

/**
 * The command line, thin over the library: it parses arguments and calls what a library user calls.
 * Returns the exit code; never exits itself.
 */

export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
}

const USAGE = `usage: nianbao parse FILE|-     one report (PDF, DOCX, DOC, HTML, text) to contract JSON on stdout
       nianbao batch DIR_OR_GLOB... --out OUT.jsonl|.csv|.sqlite [--jobs N] [--timeout SECONDS]
                                 [--max-memory MB] [--long]
                                 every report below DIR (or matching GLOB) into one OUT; resumable
       nianbao harvest --sources SOURCES --db DB [--once] [--delay S] [--timeout S] [--retries N]
                       [--max-size MB] [--max-attempts N] [--recheck-days N] [--max-pages N]
                       [--max-redirects N] [--parse-timeout S] [--concurrency N] [--files DIR]
                       [--allow-private-network]
                                 one pass over the sites in SOURCES: new reports into DB and, as JSON lines, to stdout
       nianbao harvest --db DB --new-since DATE
                                 the reports DB found since DATE (ISO 8601), as JSON lines
       nianbao schema            the output contract as JSON Schema`;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (out.write(text)) resolve();
    else out.once('drain', resolve);
  });
}

/** Exit 0 when the run went through (bad files are records in OUT), 130 when interrupted by Ctrl-C. */
async function runBatch(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        jobs: { type: 'string', short: 'j' },
        timeout: { type: 'string' },
        'max-memory': { type: 'string' },
        long: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new NianbaoError('USAGE', 'nianbao', `batch: ${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await write(io.stdout, `${USAGE}\n`);
    return 0;
  }
  if (values.out === undefined) throw new NianbaoError('USAGE', 'nianbao', `batch needs --out OUT\n${USAGE}`);
  const controller = new AbortController();
  // The first Ctrl-C stops cleanly; a second one (the listener is gone by then) kills as usual.
  const onSigint = () => {
    process.removeListener('SIGINT', onSigint);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const { batch, formatSummary } = batchModule();
    const summary = await batch({
      inputs: positionals,
      out: values.out,
      ...(values.jobs !== undefined && { jobs: values.jobs }),
      ...(values.timeout !== undefined && { timeout: values.timeout }),
      ...(values['max-memory'] !== undefined && { maxMemory: values['max-memory'] }),
      ...(values.long !== undefined && { long: values.long }),
    }, { stderr: io.stderr, signal: controller.signal });
    await write(io.stderr, `${formatSummary(summary)}\n`);
    return summary.interrupted ? 130 : 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/** Harvest options the command line takes, as the library names them; all are strings or flags. */
const HARVEST_FLAGS = {
  sources: 'sources', db: 'db', files: 'files', delay: 'delay', timeout: 'timeout', retries: 'retries',
  'max-size': 'maxSize', 'max-attempts': 'maxAttempts', 'recheck-days': 'recheckDays', 'max-pages': 'maxPages',
  concurrency: 'concurrency', 'max-redirects': 'maxRedirects', 'parse-timeout': 'parseTimeout', 'new-since': 'since',
} as const;

/**
 * One harvest pass (exit 0 however many URLs failed: they are recorded and retried; 130 when stopped by SIGINT or
 * SIGTERM), or with --new-since, what earlier passes found. Reports go to stdout as JSON lines, the summary to stderr.
 */
async function runHarvest(args: string[], io: Io): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        ...Object.fromEntries(Object.keys(HARVEST_FLAGS).map((k) => [k, { type: 'string' as const }])),
        once: { type: 'boolean' },
        'allow-private-network': { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    throw new NianbaoError('USAGE', 'nianbao', `harvest: ${(e as Error).message}\n${USAGE}`);
  }
  const given: Record<string, string | boolean> = {};
  for (const [flag, key] of Object.entries(HARVEST_FLAGS)) {
    const v = (values as Record<string, unknown>)[flag];
    if (typeof v === 'string') given[key] = v;
  }
  if (values.once !== undefined) given.once = values.once;
  if (values['allow-private-network'] !== undefined) given.allowPrivateNetwork = values['allow-private-network'];
  const lines = async (reports: Iterable<unknown>) => {
    for (const r of reports) await write(io.stdout, `${JSON.stringify(r)}\n`);
  };
  const { since, ...options } = given;
  if (since !== undefined) {
    if (Object.keys(options).some((k) => k !== 'db')) throw new NianbaoError('USAGE', 'nianbao', `harvest: --new-since takes --db only\n${USAGE}`);
    await lines(harvestModule().harvestedReports({ db: String(options.db ?? ''), since: String(since) }));
    return 0;
  }
  const controller = new AbortController();
  // The first signal stops cleanly after the requests in flight; a second one (the listener is gone) kills.
  const stop = () => {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const { harvest, harvestedReports, formatHarvestSummary } = harvestModule();
    const summary = await harvest(options as Parameters<typeof harvest>[0], { stderr: io.stderr, signal: controller.signal });
    await lines(harvestedReports({ db: String(options.db), run: summary.run }));
    await write(io.stderr, `${formatHarvestSummary(summary)}\n`);
    return summary.interrupted ? 130 : 0;
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'parse': {
        const pretty = rest.includes('--pretty');
        const files = rest.filter((a) => a !== '--pretty');
        if (files.length !== 1) throw new NianbaoError('USAGE', 'nianbao', `parse takes one FILE or -\n${USAGE}`);
        const file = files[0]!;
        const record = file === '-' ? await parseBuffer(await readAll(io.stdin), { path: '-' }) : await parseFile(file);
        await write(io.stdout, `${JSON.stringify(record, null, pretty ? 2 : undefined)}\n`);
        return 0;
      }
      case 'batch':
        return await runBatch(rest, io);
      case 'harvest':
        return await runHarvest(rest, io);
      case 'schema':
        await write(io.stdout, `${JSON.stringify(jsonSchema(), null, 2)}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        await write(io.stdout, `${USAGE}\n`);
        return 0;
      case '--version':
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        await write(io.stdout, `${(require('../../package.json') as { version: string }).version}\n`);
        return 0;
      default:
        throw new NianbaoError('USAGE', 'nianbao', command ? `unknown command "${command}"\n${USAGE}` : USAGE);
    }
  } catch (e) {
    if (e instanceof NianbaoError) {
      await write(io.stderr, `${e.code === 'USAGE' ? `nianbao: ${e.message}` : e.toLine()}\n`);
      return e.code === 'USAGE' ? 64 : 1;
    }
    throw e;
  }
}
