#!/usr/bin/env sh
# Builds what is needed and starts the whole system locally (embedded PostgreSQL unless
# SPRING_DATASOURCE_URL is set). Arguments go to the launcher, e.g. --fresh to wipe local data.
set -e
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests package -pl launcher -am
exec java -jar launcher/target/ledgerline-local.jar "$@"
