#!/usr/bin/env bash
# One-shot: create Temporal's databases on PostgreSQL and bring their schemas up to date.
# Runs inside temporalio/admin-tools (which ships temporal-sql-tool, psql and the
# versioned schema files of its own server release), started by docker-compose.yml as
# the `temporal-admin-tools` service. Safe to re-run: it only creates what is missing
# and `update-schema` only applies versions newer than the recorded one.
#
# The admin-tools tag must match the temporalio/server tag (same schema versions).
set -euo pipefail

: "${POSTGRES_SEEDS:=postgres}"
: "${DB_PORT:=5432}"
: "${POSTGRES_USER:?POSTGRES_USER is required}"
: "${POSTGRES_PWD:?POSTGRES_PWD is required}"
: "${DBNAME:=temporal}"
: "${VISIBILITY_DBNAME:=temporal_visibility}"
: "${SQL_PLUGIN:=postgres12}"
: "${TEMPORAL_SCHEMA_DIR:=/etc/temporal/schema/postgresql/v12}"

# Both tools read the password from the environment: it never shows up in `ps`.
export SQL_PASSWORD="${POSTGRES_PWD}"
export PGPASSWORD="${POSTGRES_PWD}"

log() { printf '[temporal-setup-schema] %s\n' "$*"; }

sql_tool() {
  temporal-sql-tool --plugin "${SQL_PLUGIN}" --ep "${POSTGRES_SEEDS}" -p "${DB_PORT}" -u "${POSTGRES_USER}" "$@"
}

# psql_value DB SQL -> prints the single value the query returns
psql_value() {
  psql -h "${POSTGRES_SEEDS}" -p "${DB_PORT}" -U "${POSTGRES_USER}" -d "$1" \
    --no-psqlrc --tuples-only --no-align --quiet -v ON_ERROR_STOP=1 -c "$2"
}

wait_for_postgres() {
  local attempt=1
  until pg_isready -h "${POSTGRES_SEEDS}" -p "${DB_PORT}" -U "${POSTGRES_USER}" -d postgres >/dev/null 2>&1; do
    if [ "${attempt}" -ge 60 ]; then
      log "PostgreSQL at ${POSTGRES_SEEDS}:${DB_PORT} is not ready after ${attempt} attempts"
      exit 1
    fi
    log "waiting for PostgreSQL at ${POSTGRES_SEEDS}:${DB_PORT} (${attempt}/60)..."
    attempt=$((attempt + 1))
    sleep 2
  done
}

# setup_database NAME VERSIONED_SCHEMA_DIR
setup_database() {
  local db="$1" dir="$2"
  if [ ! -d "${dir}" ]; then
    log "schema directory ${dir} not found in this admin-tools image"
    exit 1
  fi

  if [ "$(psql_value postgres "SELECT 1 FROM pg_database WHERE datname = '${db}'")" = "1" ]; then
    log "database ${db} exists"
  else
    log "creating database ${db}"
    sql_tool --db "${db}" create
  fi

  # setup-schema -v 0.0 only creates the version bookkeeping tables; it must not run on an
  # initialised database (it would reset the recorded version).
  if [ "$(psql_value "${db}" "SELECT to_regclass('public.schema_version') IS NOT NULL")" = "t" ]; then
    log "database ${db} already has a schema version"
  else
    log "initialising schema versioning in ${db}"
    sql_tool --db "${db}" setup-schema -v 0.0
  fi

  log "updating schema of ${db} from ${dir}"
  sql_tool --db "${db}" update-schema -d "${dir}"
}

wait_for_postgres
setup_database "${DBNAME}" "${TEMPORAL_SCHEMA_DIR}/temporal/versioned"
setup_database "${VISIBILITY_DBNAME}" "${TEMPORAL_SCHEMA_DIR}/visibility/versioned"
log "done"
