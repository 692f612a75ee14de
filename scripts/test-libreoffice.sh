#!/usr/bin/env bash
# npm run test:libreoffice – every committed template must open in LibreOffice:
# converts each templates/*.xlsx (all sheets) to csv headless and fails on any error.
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
exit $failed
