import { Report, jsonSchema } from '../src/schema';
import { loadTemplates } from '../src/templates';

/** The zod schema, the template data and the contract must name the same paths. */

type Json = { properties?: Record<string, Json>; anyOf?: Json[]; oneOf?: Json[] };

function hasPath(schema: Json, path: string[]): boolean {
  if (!path.length) return true;
  const options = schema.anyOf ?? schema.oneOf ?? [schema];
  return options.some((o) => {
    const next = o.properties?.[path[0]!];
    return next !== undefined && hasPath(next, path.slice(1));
  });
}

describe('the contract schema', () => {
  const schema = jsonSchema() as Json;
  const t = loadTemplates();

  test('every row of section 三 in the template data is a path of the schema, with the seven columns', () => {
    for (const row of t.applications.rows) {
      for (const col of t.applications.columns) {
        expect(hasPath(schema, ['applications', ...row.path.split('.'), col.key])).toBe(true);
      }
    }
  });

  test('every item and column of section 二, for both templates', () => {
    for (const v of ['2019', '2021'] as const) {
      for (const item of t.active[v].items) {
        for (const f of item.fields) expect(hasPath(schema, ['activeDisclosure', item.key, f.key])).toBe(true);
      }
    }
  });

  test('every group and column of section 四', () => {
    for (const g of t.review.groups) for (const c of t.review.columns) expect(hasPath(schema, ['reviewLitigation', g.key, c.key])).toBe(true);
  });

  test('a record with an unknown key in a table is refused', () => {
    const row = { naturalPerson: 1, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 1 };
    const bad = Report.shape.applications.shape.newReceived.safeParse({ ...row, extra: 1 });
    expect(bad.success).toBe(false);
    expect(Report.shape.applications.shape.newReceived.safeParse(row).success).toBe(true);
  });
});
