#!/usr/bin/env bash
# Office forms of a generated corpus: every NAME.html -> NAME.docx (LibreOffice) -> NAME.pdf, a few
# NAME.doc ("MS Word 97"), and NAME.layout.txt (pdftotext -layout of the PDF).
#   bash scripts/generate/office.sh samples/corpus [DOC_EVERY]
# DOC_EVERY (default 8): every how-many-th report also gets a legacy .doc.
# Needs soffice and pdftotext (apt: libreoffice-writer poppler-utils fonts-noto-cjk); skips with a note without them.
set -euo pipefail

corpus=${1:?usage: office.sh CORPUS_DIR [DOC_EVERY]}
doc_every=${2:-8}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

for tool in soffice pdftotext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "office.sh: $tool not found; no .docx/.pdf/.doc/.layout.txt made" >&2
    exit 0
  fi
done
if ! fc-list :lang=zh | grep -q .; then
  echo "office.sh: warning: no Chinese font installed (fonts-noto-cjk); the PDFs would show boxes" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-office.XXXXXX")
trap 'rm -rf "$work"' EXIT
# a private LibreOffice profile, so a running soffice elsewhere does not swallow our calls
lo=(soffice "-env:UserInstallation=file://$work/profile" --headless)
# the pages ask for 宋体/仿宋_GB2312/黑体…; map them to the Simplified Chinese Noto CJK faces (not the JP ones)
cat >"$work/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>Microsoft YaHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias><family>serif</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias><family>sans-serif</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
XML
export FONTCONFIG_FILE="$work/fonts.conf"

# 1. UTF-8 copies with a declared charset (LibreOffice cannot sniff an undeclared GBK page)
node "$here/office-prep.js" "$corpus" "$work/html"
shopt -s nullglob
pages=("$work"/html/*.html)
if [ ${#pages[@]} -eq 0 ]; then
  echo "office.sh: no .html in $corpus" >&2
  exit 1
fi

# 2. HTML -> DOCX, all in one call (the Writer HTML import, not Writer/Web, so the Word filter applies)
"${lo[@]}" --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$work/docx" "${pages[@]}" >"$work/docx.log" 2>&1 || true

# 3. DOCX -> PDF
"${lo[@]}" --convert-to pdf:writer_pdf_Export --outdir "$work/pdf" "$work"/docx/*.docx >"$work/pdf.log" 2>&1 || true

# 4. a few DOCX -> DOC
docs=()
i=0
for d in "$work"/docx/*.docx; do
  if [ $((i % doc_every)) -eq $((doc_every / 2)) ]; then docs+=("$d"); fi
  i=$((i + 1))
done
if [ ${#docs[@]} -gt 0 ]; then
  "${lo[@]}" --convert-to 'doc:MS Word 97' --outdir "$work/doc" "${docs[@]}" >"$work/doc.log" 2>&1 || true
fi

# 5. PDF -> layout text, and copy everything back
made=0
for pdf in "$work"/pdf/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftotext -layout -enc UTF-8 "$pdf" "$work/pdf/$name.layout.txt"
  cp "$work/docx/$name.docx" "$pdf" "$work/pdf/$name.layout.txt" "$corpus/"
  made=$((made + 1))
done
for d in "$work"/doc/*.doc; do cp "$d" "$corpus/"; done

missing=0
for p in "${pages[@]}"; do
  name=$(basename "$p" .html)
  if [ ! -f "$corpus/$name.pdf" ] || [ "$corpus/$name.pdf" -ot "$corpus/$name.html" ]; then
    echo "office.sh: no fresh PDF for $name" >&2
    missing=$((missing + 1))
  fi
done
echo "office.sh: ${#pages[@]} pages -> $made docx+pdf+layout.txt, ${#docs[@]} doc; $missing missing"
[ "$missing" -eq 0 ]
