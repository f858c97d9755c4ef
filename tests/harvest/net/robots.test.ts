import { parseRobots } from '../../../src/harvest/net/robots';

/** robots.txt as RFC 9309 reads it. */

const robots = `
User-agent: *
Disallow: /

User-agent: Googlebot
User-agent: nianbao
Disallow: /private/
Disallow: /*.doc$
Allow: /private/ndbg/
Crawl-delay: 5

User-agent: nianbao
Disallow: /年报草稿/
`;

test('our group is chosen over *, groups for us are merged, and the longest match wins', () => {
  const r = parseRobots(robots, 'nianbao');
  expect(r.allowed('/ndbg/index.html')).toBe(true);
  expect(r.allowed('/private/x.html')).toBe(false);
  expect(r.allowed('/private/ndbg/2023.html')).toBe(true);
  expect(r.allowed('/files/a.doc')).toBe(false);
  expect(r.allowed('/files/a.docx')).toBe(true);
  expect(r.allowed(`/${encodeURIComponent('年报草稿')}/1.html`)).toBe(false);
  expect(r.crawlDelay).toBe(5);
});

test('a crawler without a group of its own follows *', () => {
  const r = parseRobots(robots, 'otherbot');
  expect(r.allowed('/ndbg/index.html')).toBe(false);
  expect(r.allowed('/robots.txt')).toBe(true);
});

test('Allow wins a tie; an empty Disallow allows all; rules before any user-agent are ignored', () => {
  expect(parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n', 'nianbao').allowed('/a')).toBe(true);
  expect(parseRobots('User-agent: *\nDisallow:\n', 'nianbao').allowed('/x')).toBe(true);
  expect(parseRobots('Disallow: /\n', 'nianbao').allowed('/x')).toBe(true);
  expect(parseRobots('User-agent: nianbao/2.0\nDisallow: /q?\n', 'nianbao').allowed('/q?page=2')).toBe(false);
});
