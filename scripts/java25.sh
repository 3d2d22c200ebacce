# Finds a Java 25 (or later) JDK for the build and the launcher; sourced by .ci/run and ./murmur.
# Looks at JAVA_HOME, then the JDKs under /usr/lib/jvm (Temurin 25 is installed there on the build machines), then
# the java on the PATH.

murmur_java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

# Prints the home of a JDK 25 or later (with javac and jpackage), or fails.
murmur_java25_home() {
    local candidates=()
    [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
    local dir
    for dir in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
        [[ -d "$dir" ]] && candidates+=("$dir")
    done
    if command -v javac >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
    fi
    local home major
    for home in "${candidates[@]}"; do
        [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || continue
        major="$(murmur_java_major "$home")"
        if [[ -n "$major" && "$major" -ge 25 ]]; then
            echo "$home"
            return 0
        fi
    done
    return 1
}

murmur_java25_missing() {
    echo "$1: Murmur builds and runs on Java 25, and no JDK 25 was found (looked at JAVA_HOME, /usr/lib/jvm and" \
        "the PATH). Install one, e.g. Temurin 25 (https://adoptium.net) into /usr/lib/jvm, or point JAVA_HOME at" \
        "it." >&2
}
