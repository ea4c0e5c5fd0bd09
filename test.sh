#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest, with secrets going into a
# real Secret Service keychain: a private D-Bus session, gnome-keyring unlocked with a throwaway
# password, and HOME/XDG folders in a temporary directory that is removed afterwards.
# usage: ./test.sh [--preset NAME] [ctest arguments...]
#   --preset NAME  the CMake configure, build and test preset (default: "default"; "asan" runs the
#                  suite under AddressSanitizer and UndefinedBehaviorSanitizer). Only as the first argument.
set -euo pipefail
cd "$(dirname "$0")"
source packaging/debian-packages.sh
wc_install_missing "${WC_BUILD_PACKAGES[@]}" "${WC_RUN_PACKAGES[@]}" "${WC_TEST_PACKAGES[@]}"

preset=default
case "${1:-}" in
--preset) preset=${2:?"--preset needs a name"}; shift 2 ;;
--preset=*) preset=${1#--preset=}; shift ;;
esac

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

sandbox_home=$(mktemp -d -t webhook-console-test.XXXXXX)
trap 'rm -rf "$sandbox_home"' EXIT
mkdir -m 700 -p "$sandbox_home/runtime"
export HOME="$sandbox_home" \
    XDG_CONFIG_HOME="$sandbox_home/config" \
    XDG_DATA_HOME="$sandbox_home/data" \
    XDG_CACHE_HOME="$sandbox_home/cache" \
    XDG_STATE_HOME="$sandbox_home/state" \
    XDG_RUNTIME_DIR="$sandbox_home/runtime" \
    QT_QPA_PLATFORM=offscreen
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

# Inside the private bus: start the keyring with a throwaway password (an empty one makes it
# prompt, which fails headless), then run ctest. Its summary and exit status are ours.
dbus-run-session -- bash -c '
    set -euo pipefail
    preset=$1; shift
    keyring_password=$(head -c 24 /dev/urandom | base64)
    eval "$(printf "%s" "$keyring_password" | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    ctest --preset "$preset" --no-tests=error "$@"
' test.sh "$preset" "$@"
