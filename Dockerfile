# One image for every Liaison service; docker-compose picks the service with its command.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
ENV NODE_ENV=production LIAISON_HOST=0.0.0.0 LIAISON_DATA_DIR=/data
USER node
ENTRYPOINT ["npx", "tsx", "hub/service.ts"]
