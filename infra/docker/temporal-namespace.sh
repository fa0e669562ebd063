#!/usr/bin/env bash
# One-shot: make sure the application's Temporal namespace exists and carries the custom
# search attributes the workflows upsert. Runs inside temporalio/admin-tools (temporal CLI,
# jq), started by docker-compose.yml as the `temporal-namespace` service once the server
# is healthy. Safe to re-run: existing namespace/attributes are left alone.
set -euo pipefail

: "${TEMPORAL_ADDRESS:=temporal:7233}"
: "${TEMPORAL_NAMESPACE:=default}"
: "${TEMPORAL_NAMESPACE_RETENTION:=720h}"
# NAME=Type pairs; keep in sync with the search attributes the workflows use.
: "${TEMPORAL_SEARCH_ATTRIBUTES:=CaseNumber=Keyword CaseKind=Keyword CaseStage=Keyword CaseStatus=Keyword ApplicantId=Keyword CaseOverdue=Bool}"

log() { printf '[temporal-namespace] %s\n' "$*"; }

# The CLI reads TEMPORAL_ADDRESS/TEMPORAL_NAMESPACE itself too; be explicit anyway.
tcli() { temporal "$@" --address "${TEMPORAL_ADDRESS}"; }

wait_for_server() {
  local attempt=1
  until tcli operator cluster health >/dev/null 2>&1; do
    if [ "${attempt}" -ge 60 ]; then
      log "Temporal at ${TEMPORAL_ADDRESS} is not healthy after ${attempt} attempts"
      tcli operator cluster health || true
      exit 1
    fi
    log "waiting for Temporal at ${TEMPORAL_ADDRESS} (${attempt}/60)..."
    attempt=$((attempt + 1))
    sleep 2
  done
  log "Temporal at ${TEMPORAL_ADDRESS} is healthy"
}

ensure_namespace() {
  if tcli operator namespace describe --namespace "${TEMPORAL_NAMESPACE}" >/dev/null 2>&1; then
    log "namespace ${TEMPORAL_NAMESPACE} exists"
    return
  fi
  log "creating namespace ${TEMPORAL_NAMESPACE} (retention ${TEMPORAL_NAMESPACE_RETENTION})"
  if ! tcli operator namespace create --namespace "${TEMPORAL_NAMESPACE}" --retention "${TEMPORAL_NAMESPACE_RETENTION}"; then
    # Lost a race or the describe above failed transiently: fine if it exists now.
    tcli operator namespace describe --namespace "${TEMPORAL_NAMESPACE}" >/dev/null
  fi
}

# Prints the names of the namespace's custom search attributes, one per line.
existing_attributes() {
  tcli operator search-attribute list --namespace "${TEMPORAL_NAMESPACE}" --output json \
    | jq -r '(.customAttributes // {}) | keys[]'
}

ensure_search_attributes() {
  local attempt=1 existing pair name type
  local -a args
  while :; do
    # A freshly created namespace takes a few seconds to reach every server cache.
    if existing="$(existing_attributes 2>/dev/null)"; then
      args=()
      for pair in ${TEMPORAL_SEARCH_ATTRIBUTES}; do
        name="${pair%%=*}"
        type="${pair#*=}"
        if ! grep -qx -- "${name}" <<<"${existing}"; then
          args+=(--name "${name}" --type "${type}")
        fi
      done
      if [ "${#args[@]}" -eq 0 ]; then
        log "search attributes present: ${TEMPORAL_SEARCH_ATTRIBUTES}"
        return
      fi
      log "adding search attributes: ${args[*]}"
      tcli operator search-attribute create --namespace "${TEMPORAL_NAMESPACE}" "${args[@]}" || true
    fi
    if [ "${attempt}" -ge 30 ]; then
      log "could not register search attributes on ${TEMPORAL_NAMESPACE} after ${attempt} attempts"
      exit 1
    fi
    attempt=$((attempt + 1))
    sleep 2
  done
}

wait_for_server
ensure_namespace
ensure_search_attributes
log "done"
