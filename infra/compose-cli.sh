#!/usr/bin/env bash
# Makes a Docker Compose CLI available and prints how to invoke it.
#
#   bash infra/compose-cli.sh            # find or install; prints e.g. "docker compose"
#   bash infra/compose-cli.sh --check    # find only; exit 1 if there is none
#   COMPOSE="$(bash infra/compose-cli.sh)" && $COMPOSE -f docker-compose.yml config -q
#
# stdout carries only the invocation (one line); progress goes to stderr.
# Lookup order (the same as tests/integration/compose.test.ts):
#   1. $COMPOSE_CLI                        (a command line, e.g. "docker compose")
#   2. `docker compose` (CLI plugin)
#   3. .tools/bin/docker-compose           (cached build of compose v2)
#   4. docker-compose on PATH              (e.g. Debian's v1)
# Install, when none is found:
#   a. build compose v2 from the Go module proxy into .tools/bin (needs `go`, ~3-4 min on
#      2 cores from a cold cache) and register it as a docker CLI plugin;
#   b. otherwise Debian's docker-compose package (v1, needs root + apt-get).
# No Docker engine is needed: `config` only parses and validates files.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_BIN="${TOOLS_BIN:-${ROOT_DIR}/.tools/bin}"
COMPOSE_VERSION="${COMPOSE_VERSION:-v2.29.7}"
COMPOSE_MODULE="github.com/docker/compose/v2"
PLUGIN_DIR="${DOCKER_CONFIG:-${HOME}/.docker}/cli-plugins"

log() { printf '[compose-cli] %s\n' "$*" >&2; }

# works CMD... -> true if `CMD... version` runs
works() { "$@" version >/dev/null 2>&1; }

found() {
  log "using: $* ($("$@" version 2>/dev/null | head -n 1))"
  printf '%s\n' "$*"
  exit 0
}

install_plugin() {
  # lets `docker compose` find the cached binary too (the docker client is optional)
  if command -v docker >/dev/null 2>&1 && mkdir -p "${PLUGIN_DIR}" 2>/dev/null; then
    if ! cmp -s "$1" "${PLUGIN_DIR}/docker-compose"; then
      cp "$1" "${PLUGIN_DIR}/docker-compose" && chmod +x "${PLUGIN_DIR}/docker-compose" \
        && log "installed as docker CLI plugin: ${PLUGIN_DIR}/docker-compose"
    fi
  fi
}

find_cli() {
  if [ -n "${COMPOSE_CLI:-}" ]; then
    # shellcheck disable=SC2086 # COMPOSE_CLI is a command line
    if works ${COMPOSE_CLI}; then found ${COMPOSE_CLI}; fi
    log "COMPOSE_CLI='${COMPOSE_CLI}' does not run ('${COMPOSE_CLI} version' failed); looking further"
  fi
  if command -v docker >/dev/null 2>&1 && works docker compose; then found docker compose; fi
  if [ -x "${TOOLS_BIN}/docker-compose" ] && works "${TOOLS_BIN}/docker-compose"; then
    install_plugin "${TOOLS_BIN}/docker-compose"
    found "${TOOLS_BIN}/docker-compose"
  fi
  if command -v docker-compose >/dev/null 2>&1 && works docker-compose; then found docker-compose; fi
}

build_v2() {
  command -v go >/dev/null 2>&1 || { log "go not found: cannot build compose ${COMPOSE_VERSION}"; return 1; }
  local tmp start
  tmp="$(mktemp -d)"
  start="$(date +%s)"
  log "building ${COMPOSE_MODULE}/cmd@${COMPOSE_VERSION} with $(go version | cut -d' ' -f3) (a few minutes on 2 cores)..."
  if ! GOBIN="${tmp}" GOFLAGS="${GOFLAGS:-} -buildvcs=false" go install \
      -ldflags "-s -w -X ${COMPOSE_MODULE}/internal.Version=${COMPOSE_VERSION}" \
      "${COMPOSE_MODULE}/cmd@${COMPOSE_VERSION}" >&2; then
    rm -rf "${tmp}"
    log "go install failed"
    return 1
  fi
  mkdir -p "${TOOLS_BIN}"
  # the module's main package is .../cmd, so go names the binary `cmd`
  mv "${tmp}/cmd" "${TOOLS_BIN}/docker-compose"
  rm -rf "${tmp}"
  log "built ${TOOLS_BIN}/docker-compose in $(( $(date +%s) - start ))s"
  install_plugin "${TOOLS_BIN}/docker-compose"
}

install_debian_v1() {
  command -v apt-get >/dev/null 2>&1 || return 1
  [ "$(id -u)" = "0" ] || { log "not root: cannot apt-get install docker-compose"; return 1; }
  log "installing Debian's docker-compose (v1) with apt-get..."
  apt-get install -y --no-install-recommends docker-compose >&2 \
    || { apt-get update >&2 && apt-get install -y --no-install-recommends docker-compose >&2; }
}

find_cli
if [ "${1:-}" = "--check" ]; then
  log "no compose CLI found (run: bash infra/compose-cli.sh)"
  exit 1
fi
log "no compose CLI found; installing one"
if build_v2; then
  find_cli
fi
if install_debian_v1; then
  find_cli
fi
log "could not make a compose CLI available"
exit 1
