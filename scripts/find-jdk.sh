# shellcheck shell=bash
# Finds a JDK for Cordon. Sourced by ./cordon and ./run-tests; defines functions only.
#
#   cordon_find_jdk      prints the home of a JDK >= 21: $JAVA_HOME when it is one, else the
#                        newest under /usr/lib/jvm (CORDON_JVM_ROOT overrides that directory,
#                        for tests of this script); prints nothing and returns 1 when none is found
#   cordon_jdk_major DIR prints the feature version of the JDK in DIR (8, 17, 21, 25, ...)
#   cordon_maven_opts DIR  prints MAVEN_OPTS for running Maven on the JDK in DIR

CORDON_MIN_JAVA=21

# The full version of the Java installation in $1, from its release file or else `java -version`.
cordon_jdk_version() {
  local dir=$1 version=""
  if [[ -r $dir/release ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$dir/release" | head -n 1)
  fi
  if [[ -z $version && -x $dir/bin/java ]]; then
    version=$("$dir/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  [[ -n $version ]] && printf '%s\n' "$version"
}

cordon_jdk_major() {
  local version
  version=$(cordon_jdk_version "$1") || return 1
  version=${version#1.} # 1.8.0_392 is Java 8
  version=${version%%[!0-9]*}
  [[ -n $version ]] && printf '%s\n' "$version"
}

# Whether $1 is a JDK (java and javac, since the launcher may build) of version >= 21.
cordon_is_usable_jdk() {
  local dir=$1 major
  [[ -x $dir/bin/java && -x $dir/bin/javac ]] || return 1
  major=$(cordon_jdk_major "$dir") || return 1
  ((major >= CORDON_MIN_JAVA))
}

cordon_find_jdk() {
  if [[ -n ${JAVA_HOME:-} ]] && cordon_is_usable_jdk "$JAVA_HOME"; then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  local root=${CORDON_JVM_ROOT:-/usr/lib/jvm} dir candidates=""
  for dir in "$root"/*; do
    [[ -d $dir ]] || continue
    dir=$(readlink -f "$dir")
    if cordon_is_usable_jdk "$dir"; then
      candidates+="$(cordon_jdk_version "$dir") $dir"$'\n'
    fi
  done
  [[ -n $candidates ]] || return 1
  printf '%s' "$candidates" | sort -V | tail -n 1 | cut -d ' ' -f 2-
}

# A JDK >= 23 warns that Maven 3.8's Guice uses sun.misc.Unsafe; older JDKs reject the flag.
cordon_maven_opts() {
  local opts=${MAVEN_OPTS:-} major
  major=$(cordon_jdk_major "$1") || major=0
  if ((major >= 23)) && [[ $opts != *--sun-misc-unsafe-memory-access* ]]; then
    opts="${opts:+$opts }--sun-misc-unsafe-memory-access=allow"
  fi
  printf '%s\n' "$opts"
}

# The message for when no JDK is found; names what was looked at.
cordon_no_jdk_message() {
  local seen=""
  if [[ -n ${JAVA_HOME:-} ]]; then
    seen="JAVA_HOME=$JAVA_HOME is $(cordon_jdk_version "$JAVA_HOME" 2>/dev/null || echo 'not a JDK'); "
  fi
  printf 'no JDK %s or newer found (%ssearched %s). Install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21+) or point JAVA_HOME at it.\n' \
    "$CORDON_MIN_JAVA" "$seen" "${CORDON_JVM_ROOT:-/usr/lib/jvm}"
}
