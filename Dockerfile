# LiveStreamSell production image: one image, three roles (see deploy/compose.yml and docs/deployment.md):
#   web     — npm run start:web     (Next.js + the webhook fast path; LOCAL_JOBS=0 when workers run apart)
#   worker  — npm run start:worker  (the PostgreSQL job driver; in Inngest mode it relays the outbox)
#   migrate — npm run deploy:migrate (migrations + platform defaults, once per deploy)
# The default command migrates, then serves the web role: a single container works on its own.

# ---- dependencies (with dev tools, for the build) ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/schema-engine-stub.sh ./scripts/schema-engine-stub.sh
RUN npm ci --no-audit --no-fund

# ---- production build ----
FROM deps AS build
COPY . .
RUN npx next build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf .next/cache tests bench .ci

# ---- runtime: non-root, production build only ----
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME_BIND=0.0.0.0
RUN groupadd --system app && useradd --system --gid app --home-dir /app app
COPY --from=build --chown=app:app /app ./
USER app
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "npm run deploy:migrate && exec npm run start:web"]
