#!/usr/bin/env bash
# Push a JSONL dataset file onto the Kafka `tasks` topic.
#
#   scripts/push-tasks.sh --file ../shared/data/pubmedqa/train.jsonl --subject pubmedqa --split train \
#       [--limit 20] [--offset 0] [--round 0] [--bootstrap localhost:9092] [--topic tasks] [--dry-run]
#
# Runs org.itera.cli.PushTasks from the itera-cli module, building it first (with the modules it
# needs) when its jar or dependency folder is missing; set ITERA_REBUILD=1 to force a rebuild.
# Relative paths are taken from the directory you run it in. `--help` lists every option.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/itera-cli/target"

find_jar() {
  local jar
  for jar in "$target"/itera-cli-*.jar; do
    case "$jar" in
      *-sources.jar|*-javadoc.jar|*-tests.jar) ;;
      *) [ -f "$jar" ] && { printf '%s\n' "$jar"; return 0; } ;;
    esac
  done
  return 1
}

if [ "${ITERA_REBUILD:-0}" = "1" ] || ! find_jar >/dev/null || [ ! -d "$target/lib" ]; then
  echo "push-tasks: building itera-cli (mvn -pl itera-cli -am package) ..." >&2
  (cd "$root" && mvn -q -B -Dstyle.color=never -pl itera-cli -am package -DskipTests) >&2
fi

jar="$(find_jar)" || { echo "push-tasks: no itera-cli jar in $target after the build" >&2; exit 1; }

# The lib/* wildcard is expanded by java itself, so it stays quoted.
exec java ${JAVA_OPTS:-} -cp "$jar:$target/lib/*" org.itera.cli.PushTasks "$@"
