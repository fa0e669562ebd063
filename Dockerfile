# syntax=docker/dockerfile:1.7
#
# Kabinet: one image for both processes.
#   API (default):  docker run kabinet                               -> node --import tsx api/main.ts
#   Worker:         docker run kabinet node --import tsx worker/main.ts
#
# Debian (glibc) base on purpose: the Temporal core bridge (@temporalio/core-bridge) and
# @node-rs/argon2 ship prebuilt glibc binaries. Never switch this to alpine/musl.
ARG NODE_IMAGE=node:20-bookworm-slim

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
# build: the SolidJS cabinet -> web/dist
FROM deps AS build
COPY . .
RUN npm run build:web

# ---------------------------------------------------------------------------
# prod-deps: runtime dependencies only (tsx is a runtime dependency)
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
    npm_config_update_notifier=false

WORKDIR /app

# Application files stay owned by root (read-only for the app user);
# only DATA_DIR is writable.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY . .
COPY --from=build /app/web/dist ./web/dist
RUN mkdir -p /app/.data && chown node:node /app/.data

# `node` (uid 1000) is the unprivileged user that ships with the official Node images.
USER node

EXPOSE 3000
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--import", "tsx", "api/main.ts"]
