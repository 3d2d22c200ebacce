#!/usr/bin/env bash
# Builds Murmur's installable packages with jlink and jpackage on Java 25. The `package` Maven profile calls it from
# the module it packages, after that module's jar and its runtime dependencies (target/lib) are built:
#   scripts/package.sh app <maven version> <module dir>
#       the desktop app: an app image (target/package/image/murmur: a runtime of only the modules it needs, JavaFX
#       inside it, an ahead-of-time cache from a training run, icon) and, on Linux, a .deb with a menu entry.
#   scripts/package.sh bootstrap <maven version> <module dir>
#       the bootstrap node: a .deb that runs it as a hardened systemd service, and the root file system of its OCI
#       image (target/package/oci-root), which Jib packs into a tar next.
# On Windows or macOS the same profile makes an .msi or a .dmg instead of the .deb (jpackage's own type for the
# system); that path is documented, not built by CI.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# shellcheck source=java25.sh
source "$ROOT/scripts/java25.sh"
if ! JAVA25="$(murmur_java25_home)"; then
    murmur_java25_missing "package"
    exit 1
fi

WHAT="${1:?app or bootstrap}"
MAVEN_VERSION="${2:?maven version}"
MODULE="$(cd "${3:?module dir}" && pwd)"
VERSION="${MAVEN_VERSION%%-*}"            # 0.1.0-SNAPSHOT -> 0.1.0: packages want numbers
OUT="$MODULE/target/package"
VENDOR="Murmur"
ABOUT="https://murmur.invalid/"           # no site yet; .invalid never resolves

say() { echo "package: $*" >&2; }
die() { say "$*"; exit 1; }

# JVM options from a scripts/jvm/*.options file, one per line, without comments or blank lines.
jvm_options() {
    sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$ROOT/scripts/jvm/$1.options" | grep -v '^$'
}

package_type() {
    case "$(uname -s)" in
        Linux) echo deb ;;
        Darwin) echo dmg ;;
        MINGW*|MSYS*|CYGWIN*) echo msi ;;
        *) die "no installer type for $(uname -s)" ;;
    esac
}

need_deb_tools() {
    local missing=()
    for tool in fakeroot dpkg-deb; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    [[ ${#missing[@]} -eq 0 ]] || die "jpackage needs ${missing[*]} to build a .deb: apt-get install fakeroot dpkg-dev"
}

# A Java runtime of the named modules only. Temurin 25 links from its own run-time image (JEP 493), so no jmods are
# needed; JavaFX's modular jars come in through the module path. The default CDS archive is generated for the
# runtime's own classes; the copy for heaps above 32 GB is dropped.
link_runtime() {
    local output="$1" modules="$2" module_path="${3:-}"
    local args=(--add-modules "$modules" --strip-debug --no-header-files --no-man-pages --generate-cds-archive
        --output "$output")
    [[ -n "$module_path" ]] && args=(--module-path "$module_path" "${args[@]}")
    "$JAVA25/bin/jlink" "${args[@]}" >/dev/null
    rm -f "$output/lib/server/classes_nocoops.jsa" "$output/bin/jwebserver" "$output/bin/keytool"
}

# ---------------------------------------------------------------------------------------------------------- app

# The JDK modules that jars use (jdeps over them), plus java.logging and java.xml, which logback and Jackson may
# load by reflection.
# $1: a module path for what the jars need besides the JDK (JavaFX for the app), or ""; the rest: the jars.
jdk_modules() {
    local module_path="$1"
    shift
    local jars=("$@") found
    found="$("$JAVA25/bin/jdeps" -q --multi-release 25 --ignore-missing-deps --print-module-deps \
        ${module_path:+--module-path "$module_path"} --class-path "$(IFS=:; echo "${jars[*]}")" "${jars[@]}" 2>/dev/null)" || die "jdeps failed on ${jars[*]}"
    echo "$found,java.logging,java.xml" | tr ',' '\n' | grep -E '^(java|jdk)\.' | sort -u | paste -sd,
}

# What JavaFX's native libraries link to (ldd), by Debian package: a desktop has them, a server may not.
APP_DEB_DEPENDS="libc6, libgtk-3-0, libgl1, libxtst6, libxxf86vm1, libfreetype6, libfontconfig1, libpango-1.0-0"

# Drops a jar's signature (BouncyCastle's is signed), keeping its manifest's main section. The JVM checks a signed
# jar at every start (about 0.1 s of RSA and X.509 here) and the ahead-of-time cache leaves its classes out, so the
# app loaded them from the jar each time: 0.3 s of a 2 s start (bench startup). The package as a whole is what the
# user installs and trusts; inside it, a signature on one jar proves nothing more.
unsign_jar() {
    local jar="$1" dir entries
    entries="$("$JAVA25/bin/jar" --list --file "$jar")"
    grep -qE '^META-INF/[^/]+\.(SF|DSA|RSA|EC)$' <<<"$entries" || return 0
    dir="$(mktemp -d)"
    (cd "$dir" && mkdir x && cd x && "$JAVA25/bin/jar" --extract --file "$jar")
    rm -f "$dir"/x/META-INF/*.SF "$dir"/x/META-INF/*.DSA "$dir"/x/META-INF/*.RSA "$dir"/x/META-INF/*.EC
    # The main section ends at the first empty line; the per-entry digests after it only served the signature.
    sed -e '/^\r\{0,1\}$/q' "$dir/x/META-INF/MANIFEST.MF" | sed -e '/^\r\{0,1\}$/d' >"$dir/manifest"
    rm "$dir/x/META-INF/MANIFEST.MF"
    rm "$jar"
    "$JAVA25/bin/jar" --create --file "$jar" --manifest "$dir/manifest" -C "$dir/x" .
    rm -rf "$dir"
    say "unsigned $(basename "$jar") (a signed jar is checked at every start and kept out of the start-up cache)"
}

package_app() {
    local jar
    jar="$(find "$MODULE/target" -maxdepth 1 -name "murmur-app-$MAVEN_VERSION.jar" | head -1)"
    [[ -n "$jar" && -d "$MODULE/target/lib" ]] || die "build the app module first (its jar and target/lib)"
    rm -rf "$OUT"
    mkdir -p "$OUT/input" "$OUT/javafx"
    cp "$jar" "$OUT/input/murmur-app.jar"
    local lib
    for lib in "$MODULE"/target/lib/*.jar; do
        case "$(basename "$lib")" in
            javafx-*) cp "$lib" "$OUT/javafx/" ;;
            *) cp "$lib" "$OUT/input/"; unsign_jar "$OUT/input/$(basename "$lib")" ;;
        esac
    done
    say "linking the app's runtime (JDK and JavaFX modules)"
    link_runtime "$OUT/runtime" "$(jdk_modules "$OUT/javafx" "$OUT"/input/*.jar),javafx.controls" "$OUT/javafx"
    # JavaFX looks for its native libraries beside the JDK's first; otherwise it unpacks them into ~/.openjfx.
    for lib in "$OUT"/javafx/javafx-*-*.jar; do
        unzip -j -o -q "$lib" '*.so' '*.dll' '*.dylib' -d "$OUT/runtime/lib" 2>/dev/null || true
    done

    local options=() option
    while IFS= read -r option; do options+=(--java-options "$option"); done \
        < <(jvm_options app; jvm_options native-access)
    options+=(--java-options "--enable-native-access=javafx.graphics")
    # The ahead-of-time cache made below; a JVM that cannot use it (another JVM, a changed jar) starts without it.
    options+=(--java-options "-XX:AOTCache=\$APPDIR/murmur.aot" --java-options "-Xlog:aot=off"
        --java-options "-Xlog:cds=off")
    say "building the app image"
    "$JAVA25/bin/jpackage" --type app-image --dest "$OUT/image" --name murmur --app-version "$VERSION" \
        --vendor "$VENDOR" --description "Murmur: a decentralized social timeline" \
        --icon "$MODULE/src/main/resources/murmur/app/icons/murmur.png" \
        --input "$OUT/input" --main-jar murmur-app.jar --main-class murmur.app.cli.MurmurCli --arguments app \
        --runtime-image "$OUT/runtime" "${options[@]}"
    train_app "$OUT/image/murmur"
    if [[ "$(package_type)" == deb ]]; then
        app_deb
    else
        "$JAVA25/bin/jpackage" --type "$(package_type)" --dest "$OUT" --name murmur --app-version "$VERSION" \
            --vendor "$VENDOR" --app-image "$OUT/image/murmur"
    fi
    ls -l "$OUT"/*.deb "$OUT"/*.msi "$OUT"/*.dmg 2>/dev/null >&2 || true
}

# A training run for Java's ahead-of-time cache (JEP 483/514): the image's own runtime starts the app as its
# launcher would (same class path and options) up to the sign-in window, then ends; at exit the JVM writes the
# classes it loaded and linked, and its method profiles, to lib/app/murmur.aot, which the launcher then uses.
train_app() {
    local image="$1"
    local cfg="$image/lib/app/murmur.cfg" appdir="$image/lib/app"
    local classpath="" options=() line
    while IFS= read -r line; do
        line="${line//\$APPDIR/$appdir}"
        case "$line" in
            app.classpath=*) classpath="${classpath:+$classpath:}${line#app.classpath=}" ;;
            java-options=-XX:AOTCache=*|java-options=-Xlog:*) ;;
            java-options=*) options+=("${line#java-options=}") ;;
        esac
    done < "$cfg"
    local work
    work="$(mktemp -d)"
    local run=("$image/lib/runtime/bin/java" "${options[@]}" "-XX:AOTCacheOutput=$appdir/murmur.aot"
        -cp "$classpath" murmur.app.cli.MurmurCli app --data "$work/data" --bootstrap 127.0.0.1:9)
    if [[ -z "${DISPLAY:-}" ]]; then
        command -v xvfb-run >/dev/null 2>&1 || die "the training run needs a display: install xvfb (xvfb-run)"
        run=(xvfb-run -a -s "-screen 0 1280x860x24" "${run[@]}")
    fi
    say "training run for the start-up cache"
    "${run[@]}" >"$work/out" 2>&1 &
    local pid=$! i
    for i in $(seq 1 600); do
        grep -q "window open" "$work/out" && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if ! grep -q "window open" "$work/out"; then
        cat "$work/out" >&2
        kill "$pid" 2>/dev/null || true
        die "the training run opened no window"
    fi
    sleep 3   # the sign-in screen's first layout, fonts and CSS: part of every start
    # SIGTERM to the JVM (under xvfb-run, its child) ends it the way closing the window does; it writes the cache.
    pkill -TERM -f "^$image/lib/runtime/bin/java .*AOTCacheOutput" || true
    wait "$pid" || true
    [[ -s "$appdir/murmur.aot" ]] || { cat "$work/out" >&2; die "the training run wrote no cache"; }
    rm -rf "$work"
    say "start-up cache: $(du -h "$appdir/murmur.aot" | cut -f1)"
}

# ---------------------------------------------------------------------------------------------------- bootstrap

package_bootstrap() {
    local jar="$MODULE/target/murmur-bootstrap.jar"
    [[ -f "$jar" ]] || die "build the bootstrap-node module first (target/murmur-bootstrap.jar)"
    rm -rf "$OUT"
    mkdir -p "$OUT/input"
    cp "$jar" "$OUT/input/"
    say "linking the bootstrap node's runtime"
    link_runtime "$OUT/runtime" "$(jdk_modules "" "$OUT/input/murmur-bootstrap.jar")"
    local options=() option
    while IFS= read -r option; do options+=(--java-options "$option"); done \
        < <(jvm_options bootstrap; jvm_options native-access)
    "$JAVA25/bin/jpackage" --type app-image --dest "$OUT/image" --name murmur-bootstrap --app-version "$VERSION" \
        --vendor "$VENDOR" --description "Murmur bootstrap node" --input "$OUT/input" \
        --main-jar murmur-bootstrap.jar --main-class murmur.bootstrap.cli.BootstrapCli \
        --runtime-image "$OUT/runtime" "${options[@]}"
    [[ "$(package_type)" == deb ]] && bootstrap_deb
    oci_root
    ls -l "$OUT"/*.deb 2>/dev/null >&2 || true
}

# The .deb files are put together here from jpackage's app images, rather than by jpackage: its .deb copies the
# image anew, so the jars' times no longer match the start-up cache, which then goes unused; and its service support
# names the unit after package and launcher both and enables it even where systemd does not run.
# deb <package> <staging dir with the files in place> <Depends> <description lines...>: the .deb in $OUT.
deb() {
    local package="$1" root="$2" depends="$3"
    shift 3
    need_deb_tools
    local arch
    arch="$(dpkg --print-architecture)"
    mkdir -p "$root/DEBIAN"
    local file
    for file in postinst prerm postrm; do
        [[ -f "$ROOT/scripts/packaging/$WHAT.$file" ]] \
            && install -m 755 "$ROOT/scripts/packaging/$WHAT.$file" "$root/DEBIAN/$file"
    done
    {
        echo "Package: $package"
        echo "Version: $VERSION"
        echo "Section: net"
        echo "Priority: optional"
        echo "Architecture: $arch"
        echo "Maintainer: Murmur <murmur@murmur.invalid>"
        echo "Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)"
        echo "Depends: $depends"
        echo "Homepage: $ABOUT"
        echo "Description: $1"
        shift
        local line
        for line in "$@"; do echo " $line"; done
    } >"$root/DEBIAN/control"
    say "building $package's .deb"
    fakeroot dpkg-deb --build -Zxz --root-owner-group "$root" "$OUT/${package}_${VERSION}_$arch.deb" >/dev/null
}

app_deb() {
    local root="$OUT/deb-root"
    mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
        "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/icons/hicolor/64x64/apps"
    cp -a "$OUT/image/murmur" "$root/opt/"   # -a: the jars keep the times the start-up cache recorded
    ln -s /opt/murmur/bin/murmur "$root/usr/bin/murmur"
    cp "$ROOT/scripts/packaging/murmur.desktop" "$root/usr/share/applications/"
    cp "$MODULE/src/main/resources/murmur/app/icons/murmur.png" "$root/usr/share/icons/hicolor/256x256/apps/"
    cp "$MODULE/src/main/resources/murmur/app/icons/murmur-64.png" \
        "$root/usr/share/icons/hicolor/64x64/apps/murmur.png"
    deb murmur "$root" "$APP_DEB_DEPENDS" "Murmur: a decentralized social timeline" \
        "A desktop app for a social timeline without a server: every user runs a peer, posts travel from their" \
        "author to the followers directly, and everything is signed. Start it from the menu, or: murmur."
}

bootstrap_deb() {
    local root="$OUT/deb-root"
    mkdir -p "$root/opt" "$root/lib/systemd/system" "$root/usr/bin"
    cp -a "$OUT/image/murmur-bootstrap" "$root/opt/"
    cp "$ROOT/scripts/packaging/murmur-bootstrap.service" "$root/lib/systemd/system/"
    ln -s /opt/murmur-bootstrap/bin/murmur-bootstrap "$root/usr/bin/murmur-bootstrap"
    deb murmur-bootstrap "$root" "libc6" "Murmur bootstrap node" \
        "A headless Murmur DHT node at a fixed address, through which new Murmur peers join the network." \
        "Installed as the systemd service murmur-bootstrap: DHT on UDP and TCP port 4100, SNTP on UDP 4123," \
        "/health and /metrics on http://127.0.0.1:4180."
}

# The OCI image's files besides what Jib adds (the node's classes and jars under /app): the linked runtime in
# /opt/java and the C libraries it links to, taken from this machine, so the image needs no base image (there is no
# registry to pull one from here).
oci_root() {
    local root="$OUT/oci-root"
    mkdir -p "$root/opt" "$root/data" "$root/tmp" "$root/proc"
    cp -a "$OUT/runtime" "$root/opt/java"
    local libs
    libs="$(find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
        | awk '/=> \// {print $3} /^\t\/lib/ {print $1}' | sort -u)"
    local lib
    for lib in $libs; do
        [[ "$lib" == "$root"/* ]] && continue   # the runtime's own, found through its $ORIGIN paths
        mkdir -p "$root$(dirname "$lib")"
        cp -L "$lib" "$root$lib"
    done
    # The dynamic loader at the path every ELF file names.
    local loader
    loader="$(readelf -l "$root/opt/java/bin/java" | sed -n 's/.*interpreter: \(.*\)]/\1/p')"
    mkdir -p "$root$(dirname "$loader")"
    cp -L "$loader" "$root$loader"
    echo "murmur:x:1000:1000:murmur:/data:/sbin/nologin" >"$root/etc-passwd"
    mkdir -p "$root/etc"
    mv "$root/etc-passwd" "$root/etc/passwd"
    echo "murmur:x:1000:" >"$root/etc/group"
}

case "$WHAT" in
    app) package_app ;;
    bootstrap) package_bootstrap ;;
    *) die "unknown package '$WHAT' (app or bootstrap)" ;;
esac
