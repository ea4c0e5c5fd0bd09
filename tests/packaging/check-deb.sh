#!/usr/bin/env bash
# Builds the .deb from an existing build folder, checks what it installs and what it depends on,
# and runs Debian's own checker, lintian, on it: any error or warning fails the test.
# usage: check-deb.sh BUILD_DIR VERSION LINTIAN   (VERSION with its Debian revision: 0.1.0-1)
set -euo pipefail
build=$1 version=$2 lintian=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$out" -G DEB >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/webhook-console_"$version"_*.deb)
echo "built $(basename "$deb")"
files=$(dpkg-deb -c "$deb" | awk '{print $NF}')
status=0
for expected in \
    ./usr/bin/webhook-console ./usr/bin/webhookctl ./usr/bin/webhook-sandbox \
    ./usr/share/applications/io.github.webhook_console.WebhookConsole.desktop \
    ./usr/share/metainfo/io.github.webhook_console.WebhookConsole.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/io.github.webhook_console.WebhookConsole.svg \
    ./usr/share/icons/hicolor/16x16/apps/io.github.webhook_console.WebhookConsole.png \
    ./usr/share/icons/hicolor/256x256/apps/io.github.webhook_console.WebhookConsole.png \
    ./usr/share/webhook-console/providers/layers.json ./usr/share/webhook-console/providers/polyai.json \
    ./usr/share/man/man1/webhook-console.1.gz ./usr/share/man/man1/webhookctl.1.gz \
    ./usr/share/man/man1/webhook-sandbox.1.gz \
    ./usr/share/doc/webhook-console/copyright ./usr/share/doc/webhook-console/changelog.Debian.gz; do
    grep -qxF "$expected" <<<"$files" || { echo "missing from the package: $expected"; status=1; }
done
if grep -E '^\./usr/(include|lib/.*\.a$)' <<<"$files"; then echo "development files in the package"; status=1; fi
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for package in libqt6widgets6 libqt6network6 libqt6httpserver6 libqt6keychain1 "libyaml-cpp[0-9.]+" qt6-qpa-plugins libqt6sql6-sqlite; do
    grep -qE "(^|, )$package( |,|$)" <<<"$depends" || { echo "not a declared dependency: $package"; status=1; }
done
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || { echo "package version is not $version"; status=1; }

# Each manual page must be about its program (help2man writes it from that program's --help).
for program in webhook-console webhookctl webhook-sandbox; do
    page=$(dpkg-deb --fsys-tarfile "$deb" | tar -xOf - "./usr/share/man/man1/$program.1.gz" | gzip -dc) || page=
    grep -qE "^$program \\\\- " <<<"$page" || { echo "the manual page of $program has no NAME line for it"; status=1; }
done

# Errors and warnings fail; informational tags are not shown. Overrides, if the package ever needs
# one, live in /usr/share/lintian/overrides/webhook-console with the reason beside them.
echo "lintian:"
if "$lintian" --fail-on error,warning "$deb"; then
    echo "lintian: no error, no warning"
else
    echo "lintian reported errors or warnings (above)"
    status=1
fi
exit $status
