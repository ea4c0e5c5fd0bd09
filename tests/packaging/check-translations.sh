#!/usr/bin/env bash
# Fails when a user-visible string in the sources is missing from the committed translation file,
# i.e. when `cmake --build build --target update_translations` was forgotten.
# usage: check-translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1 source=$2
copy=$(mktemp --suffix=.ts)
trap 'rm -f "$copy"' EXIT
cp "$source/resources/translations/webhook-console_en.ts" "$copy"
report=$(cd "$source" && "$lupdate" -locations none -no-obsolete app ui models -ts "$copy" 2>&1)
summary=$(grep -E "Found [0-9]+ source text" <<<"$report")
echo "$summary"
grep -qE "\(0 new and" <<<"$summary" || { echo "run: cmake --build build --target update_translations"; exit 1; }
