#!/usr/bin/env bash
# Cordon's policy engine beside AWS Cedar (cedar-java, JNI) on equivalent policies, in one run:
# builds the bench-cedar module (benchmark only; never part of cordon.jar) when its jar is missing
# or older than a source or pom, then runs it with the caller's arguments
# ([--seconds N] [--json-only]). Finds a JDK 21+ as ./cordon does. Prints a table and one JSON line
# on stdout, progress on stderr.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
# shellcheck source=scripts/find-jdk.sh
source "$root/scripts/find-jdk.sh"

fail() {
  printf 'bench-cedar: %s\n' "$1" >&2
  exit 2
}

jdk=$(cordon_find_jdk) || fail "$(cordon_no_jdk_message)"
jar=$root/bench-cedar/target/cordon-bench-cedar.jar

is_stale() {
  [[ -f $jar && -d $root/bench-cedar/target/lib ]] || return 0
  [[ -n $(find "$root" -maxdepth 2 -name pom.xml -newer "$jar" -print -quit) ]] && return 0
  local main
  for main in "$root"/{core,store,server,bench-cedar}/src/main; do
    [[ -n $(find "$main" -newer "$jar" -print -quit) ]] && return 0
  done
  return 1
}

if is_stale; then
  command -v mvn >/dev/null || fail "the benchmark needs building but mvn was not found; install Maven 3.8+"
  echo "building bench-cedar…" >&2
  log=$(mktemp)
  (cd "$root" && JAVA_HOME=$jdk MAVEN_OPTS=$(cordon_maven_opts "$jdk") \
    mvn -B -q -Dstyle.color=never -DskipTests -Dspotless.check.skip=true package -pl bench-cedar -am </dev/null) >"$log" 2>&1 ||
    {
      cat "$log" >&2
      rm -f "$log"
      fail "the build failed"
    }
  rm -f "$log"
fi

# CORDON_JAVA_OPTS is split into words on purpose (several JVM options).
# shellcheck disable=SC2086
exec "$jdk/bin/java" --enable-native-access=ALL-UNNAMED ${CORDON_JAVA_OPTS:-} -jar "$jar" "$@"
