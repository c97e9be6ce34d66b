#!/usr/bin/env sh
# Starts LIKE Lab on this machine: a real Kafka broker, an embedded MongoDB-protocol server and the three
# services (see local-stack/README.md). Builds the jars first when one is missing or older than its sources
# (so a pull or an edit is never run stale), or always with --build.
# Every other argument goes to the launcher, e.g. ./run.sh --demo
set -e
cd "$(dirname "$0")"
build=false
if [ "$1" = "--build" ]; then
    build=true
    shift
fi
for module in experiment-service metrics-service gateway local-stack; do
    jar="$module/target/$module.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$module/src/main" "$module/pom.xml" pom.xml -newer "$jar" 2>/dev/null | head -n 1)" ]; then
        build=true
    fi
done
if [ "$build" = true ]; then
    echo "Building the services (./mvnw -B -q -DskipTests package) ..."
    ./mvnw -B -q -DskipTests package
fi
exec java -jar local-stack/target/local-stack.jar "$@"
