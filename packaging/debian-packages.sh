#!/usr/bin/env bash
# The Debian packages Webhook Console needs, by purpose, and an installer for the missing ones.
# Sourced by run.sh and test.sh; `packaging/debian-packages.sh build|test|run` prints a list.

WC_BUILD_PACKAGES=(
    g++ cmake ninja-build pkgconf
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev libxkbcommon-dev
    help2man # the manual pages, written from each program's --help at build time
    libyaml-cpp-dev # endpoint documents (webhookctl export/plan/apply); the .deb's libyaml-cpp0.7 comes from dpkg-shlibdeps
)
# At run time: the xcb platform plugin, the SQLite driver (local state), fonts, and a Secret Service.
WC_RUN_PACKAGES=(qt6-qpa-plugins libqt6sql6-sqlite fonts-dejavu-core dbus gnome-keyring)
# Tests: a private session bus with a throwaway keychain, a virtual display, desktop-file checks,
# and building the .deb and checking it with Debian's own checker.
WC_TEST_PACKAGES=(dbus dbus-x11 gnome-keyring libsecret-tools xvfb xauth desktop-file-utils appstream
    dpkg-dev file lintian
    openssl # a throwaway certificate for the TLS tests
    python3-jsonschema python3-yaml) # exported endpoint documents checked against docs/endpoints-document.schema.json

# Installs whichever of the given packages are not installed yet (as root, or through sudo).
wc_install_missing() {
    local missing=()
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    echo "Installing missing Debian packages: ${missing[*]}" >&2
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "error: these packages are missing and this user cannot install them: ${missing[*]}" >&2
            return 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq >&2
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    case "${1:-}" in
    build) printf '%s\n' "${WC_BUILD_PACKAGES[@]}" ;;
    run) printf '%s\n' "${WC_RUN_PACKAGES[@]}" ;;
    test) printf '%s\n' "${WC_TEST_PACKAGES[@]}" ;;
    *) echo "usage: $0 build|run|test" >&2; exit 2 ;;
    esac
fi
