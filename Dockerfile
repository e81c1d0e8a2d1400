# The app for `docker compose up` (production shape). Not buildable on the development machine (no Docker engine).
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY events/package.json events/
COPY projections/package.json projections/
COPY backend/package.json backend/
COPY frontend/package.json frontend/
RUN npm ci
COPY . .
RUN npm run build
ENV PORT=8080 PACT_DATA_DIR=/data
EXPOSE 8080
CMD ["npm", "start"]
