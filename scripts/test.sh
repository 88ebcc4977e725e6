#!/usr/bin/env bash
# Sets up this machine and runs every CS Plan check, failing fast on the first one that fails:
#
#   system packages, tauri-driver, npm packages  (installed only when missing)
#   cargo fmt --check, cargo clippy -D warnings, cargo test (headless),
#   the UI unit tests (vitest), a debug build of the app with the bundled UI and the CLI,
#   and the WebDriver tests that drive the real app window under Xvfb (tests/e2e).
#
# Environment: CSPLAN_E2E_PORT fixes the tauri-driver port (default: a free one).
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$CSPLAN_ROOT"

# Incremental compilation only pays off for repeated edits; a one-shot CI build is faster and
# much smaller on disk without it.
if [[ "${CI:-}" == "true" ]]; then
    export CARGO_INCREMENTAL=0
fi
# Plain, uncoloured cargo output reads better in CI logs and in the captured logs below.
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Every cargo command uses the same feature set as the final app build, so clippy lints and the
# tests run against exactly the configuration that ships, and the final build reuses what the
# tests compiled (only tauri's `test` feature, a dev-dependency of the app's tests, differs).
# custom-protocol embeds ui/dist at compile time, so the UI is built before clippy.
CARGO_FEATURES=(--features csplan-app/custom-protocol)

LOG_DIR="$(mktemp -d -t csplan-test.XXXXXX)"
trap 'rm -rf "$LOG_DIR"' EXIT

steps=()        # "name|seconds|status" per finished step, for the summary
tests_passed=0  # individual tests counted from each runner's own summary lines
tests_failed=0
started=$SECONDS

summary() {
    local line name secs status
    echo
    log "summary"
    for line in "${steps[@]}"; do
        IFS='|' read -r name secs status <<<"$line"
        printf '  %-6s %5ss  %s\n' "$status" "$secs" "$name"
    done
    printf '  total  %5ss\n' "$((SECONDS - started))"
}

# step NAME COMMAND...: runs one step, records its time, stops everything on failure.
# The output goes to the terminal and to $LOG_DIR/step.log so the test counts can be read back.
step() {
    local name="$1" t0=$SECONDS rc=0
    shift
    echo
    log "step $((${#steps[@]} + 1)): $name"
    # The step runs in a subshell with errexit on; it is not part of a `||` list, where bash would
    # silently switch errexit off inside the functions it calls.
    set +e
    (set -e; "$@") 2>&1 | tee "$LOG_DIR/step.log"
    rc=${PIPESTATUS[0]}
    set -e
    if ((rc != 0)); then
        steps+=("$name|$((SECONDS - t0))|FAILED")
        summary
        die "step failed: $name (exit code $rc). Fix it and re-run ./scripts/test.sh; the steps before it are quick on a re-run."
    fi
    steps+=("$name|$((SECONDS - t0))|ok")
}

# Adds the counts a test runner printed in its closing lines to the totals.
#   cargo test:  "test result: ok. 12 passed; 0 failed; ..."  (one line per test binary)
#   vitest:      "      Tests  9 passed (9)"  (with "N failed |" before it when some fail)
#   node --test: "# pass 4" / "# fail 0" (TAP) or "ℹ pass 4" / "ℹ fail 0" (spec reporter)
count_tests() {
    local kind="$1" counts
    # Runners may colour their output even into a pipe (vitest does): strip ANSI escapes first.
    sed -i 's/\x1b\[[0-9;]*m//g' "$LOG_DIR/step.log"
    case "$kind" in
        cargo) counts=$(awk '/^test result:/ { for (i = 1; i < NF; i++) {
                   if ($(i + 1) ~ /^passed;?$/) p += $i; if ($(i + 1) ~ /^failed;?$/) f += $i } }
                   END { print p + 0, f + 0 }' "$LOG_DIR/step.log") ;;
        vitest) counts=$(awk '$1 == "Tests" { p = 0; f = 0; for (i = 2; i < NF; i++) {
                   if ($(i + 1) == "passed") p = $i; if ($(i + 1) == "failed") f = $i } }
                   END { print p + 0, f + 0 }' "$LOG_DIR/step.log") ;;
        node) counts=$(awk '($1 == "#" || $1 == "ℹ") && $2 == "pass" { p = $3 }
                   ($1 == "#" || $1 == "ℹ") && $2 == "fail" { f = $3 }
                   END { print p + 0, f + 0 }' "$LOG_DIR/step.log") ;;
    esac
    tests_passed=$((tests_passed + ${counts% *}))
    tests_failed=$((tests_failed + ${counts#* }))
}

# --- setup -----------------------------------------------------------------------------------

check_toolchains() {
    require_rust
    require_node
    cargo fmt --version >/dev/null 2>&1 || die "rustfmt is missing: rustup component add rustfmt"
    cargo clippy --version >/dev/null 2>&1 || die "clippy is missing: rustup component add clippy"
}

step "system packages" ensure_apt_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
step "toolchains" check_toolchains
step "tauri-driver" ensure_tauri_driver
step "npm ci (ui)" npm_ci "$CSPLAN_ROOT/ui"
if [[ -f tests/e2e/package.json ]]; then
    step "npm ci (tests/e2e)" npm_ci "$CSPLAN_ROOT/tests/e2e"
fi

# --- checks ----------------------------------------------------------------------------------

step "cargo fmt --check" cargo fmt --all --check
step "UI build (ui/dist)" build_ui
step "cargo clippy" cargo clippy --locked --workspace --all-targets "${CARGO_FEATURES[@]}" -- -D warnings
# cargo test needs no display: the app's tests use Tauri's mock runtime.
step "cargo test" env -u DISPLAY -u WAYLAND_DISPLAY cargo test --locked --workspace "${CARGO_FEATURES[@]}"
count_tests cargo
step "UI unit tests (vitest)" npm --prefix ui test
count_tests vitest
step "app + CLI build (debug)" build_app dev

# --- end-to-end ------------------------------------------------------------------------------

app="$(bin_path dev csplan-app)"
cli="$(bin_path dev csplan)"
[[ -x "$app" && -x "$cli" ]] || die "the build did not produce $app and $cli"
mapfile -t e2e_files < <(find tests/e2e -maxdepth 1 -name '*.test.mjs' | sort)
((${#e2e_files[@]} > 0)) || die "no WebDriver tests found in tests/e2e (*.test.mjs)"
# In a virtual X display with its own D-Bus session (HEADLESS, lib.sh). One test file at a time:
# each test starts its own tauri-driver and app.
run_e2e() {
    # The tests run the binaries built above (step runs this in a subshell, so the exports stay here).
    export CSPLAN_APP="$app" CSPLAN_CLI="$cli"
    "${HEADLESS[@]}" node --test --test-concurrency=1 "${e2e_files[@]}"
}
step "WebDriver tests (xvfb-run)" run_e2e
count_tests node

summary
ok "all checks passed"
# The plain closing line with the number of individual tests across cargo, vitest and node:test.
echo "tests: ${tests_passed} passed, ${tests_failed} failed"
