# syntax=docker/dockerfile:1
# The CRM runs from its TypeScript sources (bundled once by bin/crm.js), so the image is the sources plus
# production dependencies; the Prisma client is generated while installing (npm's postinstall).

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 CRM_DATA_DIR=/data
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json package-lock.json prisma.config.ts tsconfig.json ./
COPY --chown=node:node bin ./bin
COPY --chown=node:node prisma ./prisma
COPY --chown=node:node slack ./slack
COPY --chown=node:node src ./src
COPY --from=deps --chown=node:node /app/src/generated ./src/generated
RUN mkdir -p /data && chown node:node /data
USER node
# bin/crm.js bundles src/ at its first run (node_modules/.cache/crm); doing it here ships the bundle,
# so the container's first start does not pay for it.
RUN node bin/crm.js help
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/crm.js", "start"]
