#!/usr/bin/env bash
# npm run test:libreoffice – every committed template must open in LibreOffice:
# converts each templates/*.xlsx (all sheets) to csv headless and fails on any error;
# then merges the samples and prints the summary to PDF: every page of the 汇总
# sheet must be A4 landscape and hold the whole width (first and last column).
# Needs LibreOffice (Debian: apt-get install libreoffice-calc-nogui); not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null 2>&1; then
  echo "未找到 LibreOffice（soffice）。Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private user profile: no clash with a LibreOffice the user has open.
profile="-env:UserInstallation=file://$work/profile"
# Token 12 = -1: one csv per sheet (LibreOffice 7.2+); 76 = UTF-8.
filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'

failed=0
shopt -s nullglob
templates=(templates/*.xlsx)
if [ ${#templates[@]} -eq 0 ]; then
  echo "templates/ 中没有模板，请先运行 npm run templates" >&2
  exit 1
fi
for file in "${templates[@]}"; do
  name="$(basename "$file" .xlsx)"
  out="$work/$name"
  mkdir -p "$out"
  if ! log="$(soffice "$profile" --headless --convert-to "$filter" --outdir "$out" "$file" 2>&1)" || grep -qi "error" <<<"$log"; then
    echo "失败：$file" >&2
    echo "$log" >&2
    failed=1
    continue
  fi
  # One csv per sheet: the ledger sheets, 说明 and the marker sheet.
  sheets=("$out"/*.csv)
  if [ ${#sheets[@]} -lt 3 ] || grep -L "." "${sheets[@]}" | grep -q .; then
    echo "失败：$file 转换后的 csv 缺失或为空（${#sheets[@]} 个）" >&2
    failed=1
    continue
  fi
  echo "通过：$file（${#sheets[@]} 个工作表）"
done

# The summary on paper: pdftotext (poppler-utils) reads the pages back.
if ! command -v pdftotext >/dev/null 2>&1; then
  echo "未找到 pdftotext。Debian/Ubuntu：sudo apt-get install poppler-utils" >&2
  exit 1
fi
npm run --silent build:cli
summary="$work/学院汇总.xlsx"
node bin/taizhang.js merge samples -o "$summary" --expect samples/branches.txt --as-of 2026-11-27 >/dev/null || [ $? -eq 1 ]
if ! log="$(soffice "$profile" --headless --convert-to pdf --outdir "$work" "$summary" 2>&1)" || [ ! -s "$work/学院汇总.pdf" ]; then
  echo "失败：汇总工作簿无法转换为 PDF" >&2
  echo "$log" >&2
  exit 1
fi
pdf="$work/学院汇总.pdf"
if ! pdfinfo "$pdf" | grep -Eq "Page size: +841\.[0-9]+ x 595\.[0-9]+ pts"; then
  echo "失败：汇总的页面不是 A4 横向（$(pdfinfo "$pdf" | grep "Page size")）" >&2
  exit 1
fi
pages="$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')"
summary_pages=0
for ((p = 1; p <= pages; p++)); do
  text="$(pdftotext -f "$p" -l "$p" -layout "$pdf" -)"
  # The footer names the sheet (&A) first: the pages of 汇总.
  if grep -Eq "^ *汇总 +第 $p 页" <<<"$text"; then
    summary_pages=$((summary_pages + 1))
    if ! grep -q "支部名称依据" <<<"$text" || ! grep -q "备注" <<<"$text"; then
      echo "失败：汇总 第 $p 页没有同时印出第一列和最后一列（未缩放到一页宽）" >&2
      failed=1
    fi
  fi
done
if [ "$summary_pages" -eq 0 ]; then
  echo "失败：PDF 中没有找到页脚为“汇总”的页" >&2
  failed=1
else
  echo "通过：汇总打印为 A4 横向，${summary_pages} 页，每页一页宽"
fi
exit $failed
