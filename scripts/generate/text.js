'use strict';
// The prose of a report: title lines, the introduction, sections 一, 五 and 六, the signature.

const SENTENCES = [
  '坚持以公开为常态、不公开为例外，建立健全主动公开制度体系，扎实推进决策、执行、管理、服务、结果公开。',
  '通过门户网站和政务新媒体等及时发布政务信息、上传政府工作动态，严格执行信息发布前审核制度。',
  '在门户网站平台设置“政策解读”专栏，贯彻“谁起草、谁解读”的要求，政策性文件与解读方案、解读材料同步起草、同步审签。',
  '依申请公开工作由专人负责，严格按照依申请公开工作流程，规范操作，在法定时限内答复申请人。',
  '认真做好政府网站普查工作，加强对网站的日常巡检，定期对网站内容更新、互动回应、错别字、错误链接等进行检查整改。',
  '健全政府信息公开保密审查机制，坚持“先审查、后公开”和“一事一审”原则，确保公开内容准确无误。',
  '组织开展政务公开业务培训，提升工作人员的公开意识和业务能力。',
  '动态调整主动公开基本目录，推进基层政务公开标准化规范化建设。',
  '持续做好政策文件清理工作，对不再适用的规范性文件及时废止并向社会公布。',
];
const PROBLEMS = [
  '政务公开工作人员业务水平有待进一步提高，政策解读形式较为单一。',
  '主动公开的深度和广度还需进一步拓展，部分栏目信息更新不够及时。',
  '依申请公开答复的规范化水平仍需提升。',
  '下一步，我们将加强业务培训，完善工作机制，进一步提升政府信息公开工作质量。',
  '针对上述问题，将进一步丰富解读形式，采用图表图解、视频解读等方式提高政策解读的针对性和可读性。',
];

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function paragraphOf(rng, pool, n) {
  return rng.sample(pool, n).join('');
}

function titleParts(data, v) {
  const y = data.year;
  switch (v.titleWording) {
    case 'niandu': return [data.agency, `${y}年度政府信息公开工作年度报告`];
    case 'yearFirst': return [`${y}年${data.agency}`, '政府信息公开工作年度报告'];
    default: return [data.agency, `${y}年政府信息公开工作年度报告`];
  }
}

/** Paragraphs of the report before section 二, after the tables, and the closing lines. */
function prose(rng, data, v, p) {
  const y = data.year;
  const fmtNo = data.version === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号';
  const pub = { month: 1, day: rng.int(8, 31) };
  const n = (x) => x.toLocaleString('en-US').replace(/,/g, '');
  const app = data.applications;
  const intro = [
    `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${fmtNo}）要求，现公布${data.agency}${y}年政府信息公开工作年度报告。`
      + p.kangxi(`本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`)
      + (rng.chance(0.5) ? `本报告电子版可在门户网站查阅或下载。如对本报告有疑问，请与${data.agency}联系（电话：0${rng.int(10, 999)}-${rng.int(2000000, 89999999)}）。` : ''),
  ];
  const s1 = [p.kangxi('一、总体情况')];
  if (rng.chance(0.7)) {
    s1.push(`${y}年，${data.agency}深入贯彻落实《条例》和上级关于政务公开工作的部署要求，` + paragraphOf(rng, SENTENCES, 2));
  }
  const subs = [
    ['主动公开', () => `全年主动公开政府信息${n(rng.int(20, 3000))}条，较${y - 1}年${rng.pick(['增长', '下降'])}${rng.int(1, 40)}%。` + paragraphOf(rng, SENTENCES, 1)],
    ['依申请公开', () => `${y}年共收到政府信息公开申请${n(app.newReceived.total)}件，上年结转${n(app.carriedOver.total)}件，其中予以公开${n(app.results.granted.total)}件。` + paragraphOf(rng, SENTENCES, 1)],
    ['政府信息管理', () => paragraphOf(rng, SENTENCES, 2)],
    ['平台建设', () => paragraphOf(rng, SENTENCES, 2)],
    ['监督保障', () => paragraphOf(rng, SENTENCES, 1)],
  ];
  const labelled = rng.chance(0.8);
  subs.forEach(([head, body], k) => {
    s1.push(labelled ? `${p.group(k + 1, head)}情况。${body()}` : body());
  });
  const s5 = ['五、存在的主要问题及改进情况', paragraphOf(rng, PROBLEMS, 2), paragraphOf(rng, PROBLEMS.concat(SENTENCES), 2)];
  const fee = rng.pick([
    `本机关${y}年度未收取信息处理费。`,
    `${y}年，本机关未发出收费通知，未收取信息处理费。`,
    `依据《政府信息公开信息处理费管理办法》，本机关${y}年度发出收费通知的件数和总金额以及实际收取的总金额均为0。`,
  ]);
  const s6 = ['六、其他需要报告的事项', fee];
  if (rng.chance(0.4)) s6.push(`本年度${data.agency}${rng.pick(['无其他需要报告的事项。', '落实上级年度政务公开工作要点情况良好。'])}`);
  const signature = v.signature ? [data.agency, p.kangxi(`${y + 1}年${pub.month}月${pub.day}日`)] : [];
  return { title: titleParts(data, v), intro, s1, s5, s6, signature, published: `${y + 1}-0${pub.month}-${String(pub.day).padStart(2, '0')}` };
}

module.exports = { prose, titleParts, CN };
