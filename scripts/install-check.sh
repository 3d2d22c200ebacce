#!/usr/bin/env bash
# Installs the packages `mvn -Ppackage package` built and proves they run, as CI does after the tests (root only:
# it installs into the system, /opt/murmur and /opt/murmur-bootstrap, and removes them again at the end).
#   1. the bootstrap node's .deb: dpkg -i, the installed daemon started on loopback, its /health answered;
#   2. its OCI image (Jib's tar): the layers unpacked into a root file system, the image's own entrypoint run there
#      (chroot), its /health answered;
#   3. the desktop app's .deb: dpkg -i, `murmur --version`, then its first window under Xvfb, joined to (1).
# Network traffic stays on loopback; every wait has a limit.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
[[ "$(id -u)" -eq 0 ]] || { echo "install-check: run as root (it installs packages)" >&2; exit 1; }
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    pkill -f -- "$WORK" 2>/dev/null || true   # the app under xvfb-run, which does not pass signals on
    wait 2>/dev/null || true
    rm -rf "$WORK"
    dpkg -r murmur murmur-bootstrap >/dev/null 2>&1 || true
}
trap cleanup EXIT

say() { echo "install-check: $*"; }
fail() { say "FAILED: $*"; exit 1; }

# Waits up to $1 seconds for a URL to answer; prints the answer.
wait_http() {
    local seconds="$1" url="$2" i
    for i in $(seq 1 $((seconds * 5))); do
        curl -sf --max-time 2 "$url" && return 0
        sleep 0.2
    done
    return 1
}

rss_mb() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }

install_deb() {
    local deb="$1"
    [[ -f "$deb" ]] || fail "no package at $deb (run mvn -Ppackage package first)"
    say "dpkg -i $(basename "$deb") ($(du -h "$deb" | cut -f1))"
    if ! dpkg -i "$deb" >"$WORK/dpkg.log" 2>&1; then
        # Dependencies the machine lacks (GTK for the app): apt brings them and finishes the install.
        DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >>"$WORK/dpkg.log" 2>&1 \
            || { cat "$WORK/dpkg.log"; fail "installing $(basename "$deb")"; }
    fi
}

check_bootstrap_deb() {
    install_deb "$(ls "$ROOT"/bootstrap-node/target/package/murmur-bootstrap_*.deb 2>/dev/null | head -1)"
    say "installed: $(murmur-bootstrap --version)"
    [[ -f /lib/systemd/system/murmur-bootstrap.service ]] || fail "no systemd unit installed"
    if command -v systemd-analyze >/dev/null 2>&1; then
        systemd-analyze verify /lib/systemd/system/murmur-bootstrap.service || fail "systemd-analyze verify"
        say "systemd-analyze verify murmur-bootstrap.service: ok"
    fi
    murmur-bootstrap --data "$WORK/bootstrap" --host 127.0.0.1 --port 4700 --sntp-port 4723 --admin-port 4780 \
        >"$WORK/bootstrap.out" 2>&1 &
    PIDS+=($!)
    local health
    health="$(wait_http 60 http://127.0.0.1:4780/health)" || { cat "$WORK/bootstrap.out"; fail "no /health"; }
    say "installed bootstrap node /health: $health"
    sleep 5
    say "installed bootstrap node idle RSS: $(rss_mb "$(pgrep -f "data $WORK/bootstrap" | head -1)") MB"
}

check_oci_image() {
    local tar="$ROOT/bootstrap-node/target/murmur-bootstrap-oci.tar"
    [[ -f "$tar" ]] || fail "no OCI image at $tar"
    say "OCI image $(basename "$tar") ($(du -h "$tar" | cut -f1))"
    local image="$WORK/oci" rootfs="$WORK/rootfs"
    mkdir -p "$image" "$rootfs"
    tar -xf "$tar" -C "$image"
    local manifest config layer
    manifest="$(jq -r '.manifests[0].digest' "$image/index.json" | sed 's/sha256://')"
    config="$(jq -r '.config.digest' "$image/blobs/sha256/$manifest" | sed 's/sha256://')"
    for layer in $(jq -r '.layers[].digest' "$image/blobs/sha256/$manifest" | sed 's/sha256://'); do
        tar -xzf "$image/blobs/sha256/$layer" -C "$rootfs"
    done
    local command=()
    mapfile -t command < <(jq -r '.config.Entrypoint[], .config.Cmd[]' "$image/blobs/sha256/$config")
    local user
    user="$(jq -r '.config.User' "$image/blobs/sha256/$config")"
    say "image entrypoint: ${command[*]} (user $user)"
    # As a container engine would run it: its own root, a /proc of its own (the Java launcher finds its libraries
    # through /proc/self/exe), the image's user.
    in_image() {
        exec unshare --mount --propagation private sh -c \
            'root="$1" user="$2"; shift 2; mount -t proc proc "$root/proc" && exec chroot --userspec="$user" "$root" "$@"' \
            sh "$rootfs" "$user" "$@"
    }
    in_image "${command[@]}" --version | sed 's/^/install-check: image says: /'
    in_image "${command[@]}" --host 127.0.0.1 --port 4800 --sntp-port 4823 --admin-port 4880 \
        >"$WORK/image.out" 2>&1 &
    PIDS+=($!)
    local health
    health="$(wait_http 60 http://127.0.0.1:4880/health)" || { cat "$WORK/image.out"; fail "image: no /health"; }
    say "OCI image's bootstrap node /health: $health"
}

check_app_deb() {
    install_deb "$(ls "$ROOT"/app/target/package/murmur_*.deb 2>/dev/null | head -1)"
    [[ -x /opt/murmur/bin/murmur ]] || fail "no launcher at /opt/murmur/bin/murmur"
    ls /usr/share/applications/*murmur*.desktop >/dev/null 2>&1 \
        || ls /opt/murmur/lib/*.desktop >/dev/null 2>&1 || fail "no menu entry"
    say "installed app: $(/opt/murmur/bin/murmur --version)"
    xvfb-run -a -s "-screen 0 1280x860x24" /opt/murmur/bin/murmur app --data "$WORK/app" \
        --bootstrap 127.0.0.1:4700 >"$WORK/app.out" 2>&1 &
    PIDS+=($!)
    local i
    for i in $(seq 1 600); do
        grep -q "window open" "$WORK/app.out" && break
        sleep 0.1
    done
    grep -q "window open" "$WORK/app.out" || { cat "$WORK/app.out"; fail "the installed app opened no window"; }
    say "installed app: $(grep "window open" "$WORK/app.out")"
    # The app starts its peer once the window shows: its DHT node says so in the app's log as it starts.
    for i in $(seq 1 300); do
        grep -q "restored .* from disk" "$WORK/app/logs/murmur.log" 2>/dev/null && break
        sleep 0.1
    done
    grep -q "restored .* from disk" "$WORK/app/logs/murmur.log" 2>/dev/null \
        || { cat "$WORK/app.out"; fail "the installed app's peer did not start after its window opened"; }
    say "installed app: its peer started after the window opened"
    grep -i "exception\|error" "$WORK/app.out" && fail "the installed app reported errors"
    return 0
}

check_bootstrap_deb
check_oci_image
check_app_deb
say "all install checks passed"
