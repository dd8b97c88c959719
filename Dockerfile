# One multi-stage image definition for every app: `--build-arg APP=state-hub-api` (or state-hub, the one process).
FROM node:24-bookworm-slim AS build
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY package.json package-lock.json .npmrc ./
# npm ci cannot be used on registries that lack other platforms' optional binaries.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
ARG APP=state-hub-api
RUN npx nx build ${APP} --configuration=production
# The hub's apps build the dashboard first (Nx dependsOn); the others have none: an empty folder keeps COPY simple.
RUN mkdir -p dist/apps/dashboard

FROM node:24-bookworm-slim AS runtime
ARG APP=state-hub-api
ENV NODE_ENV=production
WORKDIR /app
# The consistency sweep pulls and (when configured) commits with git; the other apps never call it.
RUN if [ "$APP" = "state-hub" ] || [ "$APP" = "state-hub-api" ] || [ "$APP" = "state-hub-cli" ]; then \
      apt-get update && apt-get install -y --no-install-recommends git ca-certificates && rm -rf /var/lib/apt/lists/*; \
    fi
# The build writes a package.json and lock file pruned to what the app imports.
COPY --from=build /src/dist/apps/${APP}/package*.json ./
RUN npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund
COPY --from=build /src/dist/apps/${APP}/ ./
# The dashboard's static files, served at /ui/ (the hub finds them in dashboard/ beside main.js).
COPY --from=build /src/dist/apps/dashboard/ ./dashboard/
USER node
# The port the app listens on: the API's 3000 unless the build says otherwise (the MCP server's is 3100).
ARG PORT=3000
EXPOSE ${PORT}
# The Node flags `npm start` and `state-hub serve` use too (why: libs/config/src/lib/node-flags.ts).
CMD ["node", "--max-semi-space-size=8", "--liftoff-only", "--no-flush-bytecode", "--initial-old-space-size=128", "main.js"]
