#!/usr/bin/env python3
"""Writes src/text/radicals.ts: characters that PDF text carries in place of a common ideograph.

A PDF's ToUnicode map names one character per glyph. Where a font draws two code points with one glyph (Noto CJK SC
draws the radical ⺠ U+2EA0 and 民 U+6C11 alike, ⻓ U+2ED3 and 长, the extension-A 㬵 and 胶), a PDF maker that
picks the lower code point (Chromium's) writes 人⺠政府 for 人民政府. NFKC folds the Kangxi radicals but not the
radicals supplement nor extension A. This table is every such pair in Noto Sans and Serif CJK SC (the CJK fonts
Linux PDF makers use): radicals supplement, Kangxi radicals, strokes and extension A code points whose glyph is also
a unified ideograph's, mapped to that ideograph; supplement radicals the fonts draw apart (⻄ for 西 in 肥⻄县), and
one Japanese form, are added by hand below.

Needs fontTools and fonts-noto-cjk (Debian: python3-fonttools, fonts-noto-cjk). Run: python3 scripts/radicals.py
"""
from pathlib import Path
from fontTools.ttLib import TTCollection

FONTS = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc']
# Supplement radicals the fonts do not draw, and one they draw as the Japanese form (⻫ J-simplified "even" as 斉).
# Supplement radicals the fonts draw apart from their ideograph (⻄ WEST TWO for 西), mapped as Unicode's
# EquivalentUnifiedIdeograph.txt does.
BY_HAND = {0x2E8C: '小', 0x2E8D: '小', 0x2E97: '心', 0x2E9C: '日', 0x2E9D: '月', 0x2EA2: '氺', 0x2EA5: '爫', 0x2EA7: '牛',
           0x2EA9: '王', 0x2EAA: '疋', 0x2EAE: '竹', 0x2EB6: '羊', 0x2EB7: '羊', 0x2EBC: '肉', 0x2EBD: '臼', 0x2EBF: '艹',
           0x2EC0: '艹', 0x2EC4: '西', 0x2EC7: '角', 0x2ECA: '足', 0x2ECD: '辶', 0x2ECE: '辶', 0x2ECF: '阝', 0x2ED5: '阝',
           0x2ED7: '雨', 0x2EDE: '食', 0x2EE1: '首', 0x2EEB: '齐', 0x2EED: '齿'}


def variant(c: int) -> bool:
    return 0x2E80 <= c <= 0x2FDF or 0x31C0 <= c <= 0x31EF or 0x3400 <= c <= 0x4DBF


table = {}
for path in FONTS:
    for font in TTCollection(path, lazy=True).fonts:
        if ' SC' not in font['name'].getDebugName(4):
            continue
        by_glyph = {}
        for cp, glyph in font.getBestCmap().items():
            by_glyph.setdefault(glyph, []).append(cp)
        for cps in by_glyph.values():
            unified = [c for c in cps if 0x4E00 <= c <= 0x9FFF]
            for c in cps:
                if unified and variant(c):
                    table.setdefault(c, chr(min(unified)))
table.update({c: ch for c, ch in BY_HAND.items()})

pairs = ''.join(chr(c) + table[c] for c in sorted(table))
out = Path(__file__).resolve().parent.parent / 'src' / 'text' / 'radicals.ts'
out.write_text(f'''// Written by scripts/radicals.py from Noto CJK SC's character maps: do not edit by hand.
/**
 * Radicals (supplement and Kangxi), strokes and extension-A characters that a CJK font draws with the same glyph as
 * a unified ideograph, each followed by that ideograph ({len(table)} pairs): PDF text carries them where the page shows
 * the ideograph (人⺠政府 for 人民政府, ⻓沙 for 长沙).
 */
export const RADICAL_PAIRS = '{pairs}';
''', encoding='utf-8')
print(f'{out}: {len(table)} pairs')
