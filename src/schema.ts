import { z } from 'zod';

/**
 * The output contract (contract/README.md) as code: the source of truth. Every record is validated against it
 * before it is printed; `nianbao schema` prints it as JSON Schema. Keys are public API: add, never change.
 */

const Num = z.number().nullable().describe('the number printed; null for a blank cell (blank, —, /, 无)');

const columns = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'] as const;
export const APPLICANT_COLUMNS = columns;

export const AppRow = z.object({
  naturalPerson: Num.describe('自然人'),
  commercial: Num.describe('法人或其他组织 · 商业企业'),
  research: Num.describe('法人或其他组织 · 科研机构'),
  socialWelfare: Num.describe('法人或其他组织 · 社会公益组织'),
  legalService: Num.describe('法人或其他组织 · 法律服务机构'),
  otherOrg: Num.describe('法人或其他组织 · 其他'),
  total: Num.describe('总计'),
}).strict();

const rows = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, AppRow])) as Record<K, typeof AppRow>).strict();

export const Applications = z.object({
  newReceived: AppRow.describe('一、本年新收政府信息公开申请数量'),
  carriedOver: AppRow.describe('二、上年结转政府信息公开申请数量'),
  results: z.object({
    granted: AppRow.describe('（一）予以公开'),
    partiallyGranted: AppRow.describe('（二）部分公开'),
    denied: rows(['stateSecret', 'lawProhibited', 'threeSecurityOneStability', 'thirdPartyRights', 'internalAffairs',
      'processInfo', 'enforcementFiles', 'adminQuery']).describe('（三）不予公开'),
    unableToProvide: rows(['notHeld', 'needsCreation', 'unclearAfterCorrection']).describe('（四）无法提供'),
    notProcessed: rows(['complaint', 'duplicate', 'publication', 'massRepetitive', 'confirmOrReissue']).describe('（五）不予处理'),
    otherHandling: z.union([
      rows(['overdueCorrection', 'overdueFee', 'other']).describe('2021 template: three sub-rows'),
      AppRow.describe('one row: the 2019 template, and 2021 reports that print it so'),
    ]).describe('（六）其他处理'),
    total: AppRow.describe('（七）总计'),
  }).strict().describe('三、本年度办理结果'),
  carriedForward: AppRow.describe('四、结转下年度继续办理'),
}).strict();

const ReviewGroup = z.object({
  upheld: Num.describe('结果维持'),
  corrected: Num.describe('结果纠正'),
  other: Num.describe('其他结果'),
  pending: Num.describe('尚未审结'),
  total: Num.describe('总计'),
}).strict();

export const ReviewLitigation = z.object({
  review: ReviewGroup.describe('行政复议'),
  litigationDirect: ReviewGroup.describe('行政诉讼 · 未经复议直接起诉'),
  litigationAfterReview: ReviewGroup.describe('行政诉讼 · 复议后起诉'),
}).strict();

const docs2021 = z.object({ issued: Num.describe('本年制发件数'), repealed: Num.describe('本年废止件数'), inForce: Num.describe('现行有效件数') }).strict();
const decisions2021 = z.object({ decisions: Num.describe('本年处理决定数量') }).strict();
export const Active2021 = z.object({
  regulations: docs2021.describe('规章'),
  normativeDocuments: docs2021.describe('行政规范性文件'),
  licensing: decisions2021.describe('行政许可'),
  punishment: decisions2021.describe('行政处罚'),
  coercion: decisions2021.describe('行政强制'),
  fees: z.object({ amount: Num.describe('本年收费金额（单位：万元）') }).strict().describe('行政事业性收费'),
}).strict();

const docs2019 = z.object({ newlyMade: Num.describe('本年新制作数量'), newlyPublished: Num.describe('本年新公开数量'),
  totalPublished: Num.describe('对外公开总数量') }).strict();
const items2019 = z.object({ previousYear: Num.describe('上一年项目数量'), change: Num.describe('本年增/减, signed'),
  decisions: Num.describe('处理决定数量') }).strict();
export const Active2019 = z.object({
  regulations: docs2019.describe('规章'),
  normativeDocuments: docs2019.describe('规范性文件'),
  licensing: items2019.describe('行政许可'),
  otherServices: items2019.describe('其他对外管理服务事项'),
  punishment: items2019.describe('行政处罚'),
  coercion: items2019.describe('行政强制'),
  fees: z.object({ previousYear: Num.describe('上一年项目数量'), change: Num.describe('本年增/减') }).strict().describe('行政事业性收费'),
  procurement: z.object({
    projects: Num.describe('采购项目数量'),
    amount: Num.describe('采购总金额, in amountUnit'),
    amountUnit: z.enum(['元', '万元']).nullable().describe('the unit the table states for amount'),
  }).strict().describe('政府集中采购'),
}).strict();

export const CellRef = z.object({
  path: z.string().describe('contract path of the number'),
  value: z.number().nullable(),
  raw: z.string().describe('the cell as printed'),
  page: z.number().int().nullable().describe('1-based page (PDF); null for formats without pages'),
  table: z.number().int().describe('0-based index of the table in the document'),
  row: z.number().int().describe('0-based row in the table grid'),
  col: z.number().int().describe('0-based column in the table grid'),
  line: z.number().int().optional().describe('1-based line of the decoded text (text formats)'),
});

export const Check = z.object({ id: z.string(), ok: z.boolean(), message: z.string() });
export const WarningSchema = z.object({ code: z.string(), message: z.string() });

export const Report = z.object({
  schemaVersion: z.literal(1),
  source: z.object({
    path: z.string(),
    format: z.enum(['pdf', 'docx', 'doc', 'html', 'text']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    pages: z.number().int().nullable(),
  }),
  report: z.object({
    title: z.string().nullable(),
    agency: z.string().nullable().describe('the issuing body as the title names it'),
    year: z.number().int().nullable().describe('the year reported on'),
    templateVersion: z.enum(['2019', '2021']),
  }),
  sections: z.object({
    overview: z.string().nullable().describe('一、总体情况'),
    problems: z.string().nullable().describe('五、存在的主要问题及改进情况'),
    other: z.string().nullable().describe('六、其他需要报告的事项'),
  }),
  activeDisclosure: z.union([Active2021, Active2019]).describe('二、主动公开政府信息情况'),
  applications: Applications.describe('三、收到和处理政府信息公开申请情况'),
  reviewLitigation: ReviewLitigation.describe('四、政府信息公开行政复议、行政诉讼情况'),
  cells: z.array(CellRef),
  checks: z.array(Check),
  warnings: z.array(WarningSchema),
});

export type ReportRecord = z.infer<typeof Report>;
export type AppRowRecord = z.infer<typeof AppRow>;

export function jsonSchema(): unknown {
  return z.toJSONSchema(Report, { target: 'draft-2020-12' });
}
