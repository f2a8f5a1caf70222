# One image for every Liaison service; docker-compose picks the service with its command
# (gateway, customs, police, fiu, postal, links, or the one-shot migrate job).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
ENV NODE_ENV=production LIAISON_HOST=0.0.0.0 LIAISON_DATA_DIR=/data
USER node
# node itself as PID 1 (signals reach the service; no npx, which wants a writable home): compose
# runs the containers under the uid that owns the mounted secrets, which may have no home at all.
ENTRYPOINT ["node", "--import", "tsx", "hub/service.ts"]
