#!/usr/bin/env bash
# Regenerates the web UI screenshots in docs/screenshots: seeds the demo world in a temporary
# installation, drives Debian's Chromium (/usr/bin/chromium, headless, no browser download) over
# real TLS and writes one PNG per main page at 1280x800, plus one at a phone's width (390 px).
# Needs what the browser tests need: a JDK 21+, Maven, chromium (apt-get install chromium).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$root"
# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh
jdk=$(cordon_find_jdk) || { echo "screenshots: no JDK 21+ found" >&2; exit 2; }
MAVEN_OPTS=$(cordon_maven_opts "$jdk")
export JAVA_HOME=$jdk MAVEN_OPTS
out="$root/docs/screenshots"
mkdir -p "$out"
mvn -B -q verify -pl server -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=UiScreenshotsIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcordon.screenshots="$out" "$@"
ls -1 "$out"
