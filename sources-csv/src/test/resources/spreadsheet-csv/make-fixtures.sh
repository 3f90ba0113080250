#!/usr/bin/env bash
# Writes the CSV fixtures of this folder from the inputs beside it, with LibreOffice Calc
# (Debian: apt-get install libreoffice-calc-nogui). See README.md for what each file shows.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8
# Filter options: separator, quote, charset (76 = UTF-8), first line, column formats, language,
# quoted as text, detect special numbers, save cell contents as shown.
us_in='Text - txt - csv (StarCalc):44,34,76,1,,1033'
convert() { # convert FILTER INPUT [INFILTER]; LibreOffice formats numbers in the locale of LANG
  local infilter=() profile="file://$out/profile-${LANG%%.*}"
  if [[ $# -gt 2 ]]; then infilter=(--infilter="$3"); fi
  soffice -env:UserInstallation="$profile" --headless "${infilter[@]}" --convert-to "csv:$1" --outdir "$out" "$2" >/dev/null
}

# A German (de-DE) spreadsheet saved as CSV: ';' between cells, decimal commas as the cells show them.
LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 \
  convert 'Text - txt - csv (StarCalc):59,34,76,1,,1031,false,true,true' numbers-us.csv "$us_in"
cp "$out/numbers-us.csv" libreoffice-de-semicolon.csv
# French (fr-FR), and German in Windows-1252 (charset 1), the encoding Excel's plain "CSV" saves in.
LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 \
  convert 'Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,true' numbers-us.csv "$us_in"
cp "$out/numbers-us.csv" libreoffice-fr-semicolon.csv
LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 \
  convert 'Text - txt - csv (StarCalc):59,34,1,1,,1031,false,true,true' numbers-us.csv "$us_in"
printf 'sep=;\r\n' | cat - "$out/numbers-us.csv" > sep-semicolon-de-windows-1252.csv
# The same with the 'sep=;' first line that files meant for Excel carry (Excel reads it, hides it
# and writes CRLF line ends); once more behind a UTF-8 byte order mark.
printf 'sep=;\r\n' | cat - libreoffice-de-semicolon.csv > sep-semicolon-de.csv
printf '\xEF\xBB\xBFsep=;\r\n' | cat - libreoffice-de-semicolon.csv > sep-semicolon-de-bom.csv
# A tab-separated one (LibreOffice's "Text CSV" with tab), behind 'sep=\t'.
convert 'Text - txt - csv (StarCalc):9,34,76,1,,1033,false,true,true' numbers-us.csv "$us_in"
printf 'sep=\t\r\n' | cat - "$out/numbers-us.csv" > sep-tab.csv
# LibreOffice opening the 'sep=;' file and saving it again: it keeps the line as a quoted cell.
mkdir "$out/in" && cp sep-semicolon-de.csv "$out/in/resaved.csv"
convert 'Text - txt - csv (StarCalc):59,34,76,1' "$out/in/resaved.csv" 'Text - txt - csv (StarCalc):59,34,76,1'
cp "$out/resaved.csv" libreoffice-resaved-sep.csv

# Formulas that give "" make LibreOffice (like Excel) write empty cells up to the last such column.
convert 'Text - txt - csv (StarCalc):44,34,76,1' formula-blanks.fods
cp "$out/formula-blanks.csv" libreoffice-formula-blanks.csv
convert 'Text - txt - csv (StarCalc):44,34,76,1' unnamed-value.fods
cp "$out/unnamed-value.csv" libreoffice-unnamed-value.csv
