#!/usr/bin/env bash
# Installs what is missing, builds, and starts the console. With no configured connection the
# console opens on its built-in sandbox, so there is something to try straight away.
set -euo pipefail
cd "$(dirname "$0")"
source packaging/debian-packages.sh
wc_install_missing "${WC_BUILD_PACKAGES[@]}" "${WC_RUN_PACKAGES[@]}"

cmake --preset default >/dev/null
cmake --build --preset default

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    cat >&2 <<'MSG'
No display found: Webhook Console is a desktop application and needs a graphical session.
Run ./run.sh from a desktop terminal, or give it a virtual display:
    apt-get install xvfb && xvfb-run -a ./run.sh
MSG
    exit 1
fi
exec build/app/webhook-console "$@"
