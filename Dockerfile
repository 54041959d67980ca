# The bot in a container: `docker build -t syria-bot .` then
# `docker run --env-file .env -p 3000:3000 syria-bot` (HTTP mode) or without -p (Socket Mode).
# node is PID 1 and handles SIGTERM itself (src/main.ts): `docker stop` drains, then exits.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build
COPY corpus ./corpus
# The prebuilt index, so the bot starts ready instead of indexing at every start.
RUN node dist/cli/build-index.js
RUN npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/corpus ./corpus
COPY --from=build --chown=root:root /app/.cache ./.cache
# Feedback and other state the bot writes; everything else is read-only to it.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node itself is PID 1 and gets the signals; no shell, no npm in between.
CMD ["node", "dist/main.js"]
