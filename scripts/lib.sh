# shellcheck shell=bash
# Shared functions for scripts/run.sh and scripts/test.sh (sourced, not executed).
#
# Everything here is idempotent: on a machine that already has the packages, the tools and an
# up-to-date node_modules, each step only checks and returns, so the scripts stay quick to re-run.

# The repository root, whatever directory the caller was started from.
CSPLAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CSPLAN_ROOT

# The Rust toolchain and `cargo install`ed tools (tauri-driver) live in ~/.cargo/bin; a
# non-login shell (CI, cron) may not have it on PATH.
if [[ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]]; then
    PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
    export PATH
fi

# Pinned so a clean machine gets the version TAURI.md measured (crates.io also has newer ones).
TAURI_DRIVER_VERSION="2.1.0"

# shellcheck disable=SC2034 # BUILD_PACKAGES and TEST_PACKAGES are used by the sourcing scripts.
# Debian packages the app needs to build (Tauri 2 on Debian 12, see TAURI.md). The
# libayatana-appindicator3-dev package is left out on purpose: it is only for the tray-icon
# feature, which the app does not use.
BUILD_PACKAGES=(
    build-essential pkg-config file curl wget
    libwebkit2gtk-4.1-dev librsvg2-dev libssl-dev libxdo-dev
)
# shellcheck disable=SC2034 # used by scripts/test.sh
# Extra packages to run the app headless and drive it through WebDriver.
TEST_PACKAGES=(
    xvfb xauth dbus-x11 dbus-daemon webkit2gtk-driver imagemagick sqlite3 xdotool adwaita-icon-theme
)

# Prefix that runs a command in a virtual X display with its own D-Bus session bus:
# "${HEADLESS[@]}" COMMAND... (an array, so a script can also `exec` it). Without a session bus,
# GTK auto-launches one per display that outlives xvfb-run (with at-spi and the document
# portal); dbus-run-session ends the bus, and with it those helpers, when the command ends.
# xvfb-run -a picks a free display number; 24-bit colour and a screen that fits the 1280x800
# window, instead of xvfb-run's default 640x480x8.
# shellcheck disable=SC2034 # used by run.sh and test.sh
HEADLESS=(dbus-run-session -- xvfb-run -a -s "-screen 0 1440x900x24")

# ---------------------------------------------------------------------------------------------
# Messages

_c_bold=""; _c_red=""; _c_green=""; _c_off=""
if [[ -t 1 ]]; then
    _c_bold=$'\e[1m'; _c_red=$'\e[31m'; _c_green=$'\e[32m'; _c_off=$'\e[0m'
fi

log()  { printf '%s==>%s %s\n' "$_c_bold" "$_c_off" "$*"; }
ok()   { printf '%s ok%s %s\n' "$_c_green" "$_c_off" "$*"; }
die()  { printf '%serror:%s %s\n' "$_c_red" "$_c_off" "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# System packages

# Runs a command as root: directly when we are root (CI, containers), through sudo otherwise.
as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "installing system packages needs root; run as root or install sudo"
    fi
}

# Installs the given Debian packages that are not installed yet. When all are present it returns
# without touching apt at all (no `apt-get update`), which keeps a re-run fast and offline-safe.
ensure_apt_packages() {
    command -v dpkg-query >/dev/null 2>&1 \
        || die "dpkg-query not found: these scripts support Debian 12 (and derivatives) only"
    local missing=() pkg
    for pkg in "$@"; do
        # `${Status}` is "install ok installed" only for a fully installed package.
        if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
            missing+=("$pkg")
        fi
    done
    if ((${#missing[@]} == 0)); then
        ok "system packages already installed ($# checked)"
        return 0
    fi
    log "installing system packages: ${missing[*]}"
    # noninteractive: CI has no stdin, and tzdata/keyboard prompts would hang the run. The lock
    # timeout waits for a boot-time apt run (unattended upgrades) instead of failing at once.
    # Recommended packages stay in (fonts, icon themes, GStreamer bits): that is the set TAURI.md
    # measured the app and its screenshots with.
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
    as_root "${apt[@]}" update -qq \
        || die "apt-get update failed (is the Debian mirror reachable?)"
    as_root "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null \
        || die "apt-get install failed for: ${missing[*]}"
    ok "installed ${#missing[@]} system packages"
}

# ---------------------------------------------------------------------------------------------
# Toolchains

# The Rust toolchain comes with the machine (rustup, stable); no other toolchain can be fetched
# here, so we only check it and explain what is missing.
require_rust() {
    command -v cargo >/dev/null 2>&1 \
        || die "cargo not found: install the stable Rust toolchain with rustup (https://rustup.rs)"
    local version
    version="$(rustc --version 2>/dev/null || true)"
    ok "rust: ${version:-unknown}"
}

# Node 20 or newer: the UI build (Vite) and the WebDriver tests (node:test, global fetch) need it.
# Debian 12's own nodejs is 18, which is too old, so we check instead of apt-installing it.
require_node() {
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        die "node and npm not found: install Node.js 20 or newer (for example from NodeSource)"
    fi
    local major
    major="$(node -p 'process.versions.node.split(".")[0]')"
    ((major >= 20)) || die "Node.js $(node --version) is too old: Node.js 20 or newer is needed"
    ok "node $(node --version), npm $(npm --version)"
}

# tauri-driver bridges W3C WebDriver to WebKitWebDriver for the Tauri window. It is compiled from
# crates.io (about a minute), so only when it is missing or not the pinned version.
ensure_tauri_driver() {
    # tauri-driver has no --version flag; `cargo install --list` knows what it installed.
    if command -v tauri-driver >/dev/null 2>&1 \
        && cargo install --list 2>/dev/null | grep -q "^tauri-driver v${TAURI_DRIVER_VERSION}:"; then
        ok "tauri-driver ${TAURI_DRIVER_VERSION} already installed"
        return 0
    fi
    log "installing tauri-driver ${TAURI_DRIVER_VERSION} (cargo install, about a minute)"
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --quiet \
        || die "cargo install tauri-driver failed"
    ok "tauri-driver installed: $(command -v tauri-driver)"
}

# ---------------------------------------------------------------------------------------------
# Node packages

# `npm ci` in DIR, skipped when node_modules was installed from the very same package-lock.json
# (npm ci always deletes and reinstalls node_modules, which costs time on every re-run).
npm_ci() {
    local dir="$1"
    [[ -f "$dir/package-lock.json" ]] \
        || die "$dir/package-lock.json is missing: it must be committed so installs are reproducible"
    local stamp="$dir/node_modules/.csplan-lock.sha256" want
    want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        ok "npm packages in ${dir#"$CSPLAN_ROOT"/} up to date"
        return 0
    fi
    log "npm ci in ${dir#"$CSPLAN_ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $dir"
    mkdir -p "$dir/node_modules"
    printf '%s\n' "$want" >"$stamp"
}

# ---------------------------------------------------------------------------------------------
# Builds

# Builds the Svelte UI into ui/dist, which the app embeds at compile time (custom-protocol).
build_ui() {
    log "building the UI (npm run build -> ui/dist)"
    npm --prefix "$CSPLAN_ROOT/ui" run build --silent || die "UI build failed (npm run build in ui/)"
    [[ -f "$CSPLAN_ROOT/ui/dist/index.html" ]] || die "UI build produced no ui/dist/index.html"
}

# Builds the app (with the bundled UI) and the CLI in the given cargo profile: "release" or "dev".
# The `custom-protocol` feature is what `tauri build` would pass: without it the window would try
# the Vite dev server on localhost instead of the embedded ui/dist (TAURI.md, "Trap").
# Both binaries go through one cargo invocation so they share one feature resolution and target dir.
build_app() {
    local profile="$1" args=(--locked -p csplan-app -p csplan-cli --features csplan-app/custom-protocol)
    [[ "$profile" == "release" ]] && args+=(--release)
    log "building the app and the CLI (cargo build ${args[*]})"
    (cd "$CSPLAN_ROOT" && cargo build "${args[@]}") || die "cargo build failed"
}

# The path of a built binary for a profile ("release" or "dev"), honouring CARGO_TARGET_DIR.
bin_path() {
    local profile="$1" name="$2" dir
    dir="${CARGO_TARGET_DIR:-$CSPLAN_ROOT/target}"
    [[ "$profile" == "dev" ]] && profile="debug"
    printf '%s/%s/%s\n' "$dir" "$profile" "$name"
}

# True when an X display (or Wayland) is available for a GTK window.
have_display() {
    [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]
}
