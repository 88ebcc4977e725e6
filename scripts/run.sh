#!/usr/bin/env bash
# Sets up this machine and launches CS Plan on its built-in demo workspace.
#
#   ./scripts/run.sh              install what is missing, build (release), start the app
#   ./scripts/run.sh --xvfb       the same, but run the window inside a virtual X display
#                                 (xvfb-run), for a machine without a screen
#   ./scripts/run.sh --build-only install and build, do not start the app
#
# With CSPLAN_DB unset the app opens (and on first launch creates) the demo workspace in the
# platform data directory; CSPLAN_DB=/path/to/file.db opens that file instead.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The usage text is the comment block at the top of this file.
usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; }

mode="window"
for arg in "$@"; do
    case "$arg" in
        --xvfb) mode="xvfb" ;;
        --build-only) mode="build" ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $arg" ;;
    esac
done

# Say it before spending minutes on a build whose window could not open anyway.
if [[ "$mode" == "window" ]] && ! have_display; then
    die "no display: DISPLAY (or WAYLAND_DISPLAY) is not set, so the app window cannot open.
       Run it from a desktop session, or use '$0 --xvfb' to run it in a virtual X display,
       or '$0 --build-only' to only install and build."
fi

packages=("${BUILD_PACKAGES[@]}")
[[ "$mode" == "xvfb" ]] && packages+=(xvfb xauth dbus-x11 dbus-daemon)
ensure_apt_packages "${packages[@]}"
require_rust
require_node
npm_ci "$CSPLAN_ROOT/ui"
build_ui
build_app release

app="$(bin_path release csplan-app)"
[[ -x "$app" ]] || die "the build did not produce $app"
ok "built $app"

if [[ -n "${CSPLAN_DB:-}" ]]; then
    log "workspace: $CSPLAN_DB (from CSPLAN_DB)"
else
    log "workspace: the demo workspace in the platform data directory (set CSPLAN_DB to override)"
fi

case "$mode" in
    build)
        ok "build done; start the app with: $app"
        ;;
    xvfb)
        log "starting CS Plan in a virtual X display (xvfb-run); stop it with Ctrl-C"
        # exec: a signal to this script (Ctrl-C, kill) reaches the display and the app directly.
        exec "${HEADLESS[@]}" "$app"
        ;;
    window)
        log "starting CS Plan"
        exec "$app"
        ;;
esac
