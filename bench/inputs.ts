// Bench inputs: Dockerfiles, daemon.json, config.json and drop-ins in the shapes people write, grown to a target
// size by repeating realistic stages. The same text goes to us and to every peer.

/** Stages as they appear in real projects (Node, Python, Go multi-stage, Debian tooling, Alpine), no proxy words. */
const PLAIN_STAGES: readonly string[] = [
  `FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev \\
 && npm cache clean --force
COPY . .
RUN npm run build
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node healthcheck.js
USER node
CMD ["node", "dist/server.js"]`,
  `FROM python:3.12-slim AS api
ENV PYTHONDONTWRITEBYTECODE=1 \\
    PYTHONUNBUFFERED=1
WORKDIR /srv
RUN apt-get update \\
 && apt-get install -y --no-install-recommends build-essential libpq-dev curl \\
 && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN curl -fsSL https://example.com/releases/tool-1.4.2.tar.gz | tar -xz -C /usr/local/bin
LABEL org.opencontainers.image.source="https://github.com/example/api"
CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]`,
  `FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app
FROM gcr.io/distroless/static-debian12 AS runtime
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]`,
  `FROM debian:bookworm AS tools
ARG VERSION=2.3.1
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates git jq unzip \\
 && rm -rf /var/lib/apt/lists/*
RUN git clone --depth 1 --branch v\${VERSION} https://github.com/example/tool.git /opt/tool
WORKDIR /opt/tool
RUN ./configure --prefix=/usr/local && make -j"$(nproc)" && make install
VOLUME ["/data"]
STOPSIGNAL SIGTERM`,
  `FROM alpine:3.20 AS edge
RUN apk add --no-cache tini bash curl
COPY --chown=1000:1000 entrypoint.sh /usr/local/bin/
RUN chmod +x /usr/local/bin/entrypoint.sh \\
 && adduser -D -u 1000 app
ONBUILD COPY . /app
ENTRYPOINT ["/sbin/tini", "--", "entrypoint.sh"]
# keep the image small: no docs, no caches
CMD ["serve"]`,
];

/** The same kind of stages with the proxy settings corporate Dockerfiles carry (and some mistakes). */
const PROXY_STAGES: readonly string[] = [
  `FROM debian:bookworm AS base
ARG HTTP_PROXY
ARG HTTPS_PROXY
ARG NO_PROXY
ENV http_proxy=http://proxy.corp.example:3128 \\
    https_proxy=http://proxy.corp.example:3128 \\
    no_proxy=localhost,127.0.0.1,.corp.example
RUN echo 'Acquire::http::Proxy "http://proxy.corp.example:3128";' > /etc/apt/apt.conf.d/01proxy \\
 && apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \\
 && rm -rf /var/lib/apt/lists/*
RUN curl -x http://proxy.corp.example:3128 -fsSL https://example.com/setup.sh -o /tmp/setup.sh
WORKDIR /app`,
  `FROM node:20-alpine AS web
ARG HTTPS_PROXY=http://proxy.corp.example:3128
RUN npm config set proxy http://proxy.corp.example:3128 \\
 && npm config set https-proxy http://proxy.corp.example:3128
COPY package.json package-lock.json ./
RUN https_proxy=http://build:S3cret@proxy.corp.example:3128 npm ci
RUN wget -q https://example.com/assets.tar.gz && tar -xzf assets.tar.gz
ENV NO_PROXY="localhost 127.0.0.1"
CMD ["node", "server.js"]`,
  `FROM python:3.12-slim AS worker
ENV HTTPS_PROXY=https://proxy.corp.example:3128
ENV https_proxy=http://other-proxy.corp.example:8080
RUN pip install --proxy http://proxy.corp.example:3128 --no-cache-dir requests
RUN http_proxy=http://127.0.0.1:3128 apt-get update
LABEL build.proxy=$HTTPS_PROXY
COPY . /srv
CMD ["python", "/srv/worker.py"]`,
];

function grow(stages: readonly string[], lines: number, header: string[]): string {
  const out = [...header];
  let count = out.length;
  for (let i = 0; count < lines; i++) {
    const stage = stages[i % stages.length].replace(/ AS (\w+)/, ` AS $1${i}`).split('\n');
    const take = stage.slice(0, Math.max(1, Math.min(stage.length, lines - count)));
    out.push(...take);
    count += take.length;
  }
  return out.join('\n') + '\n';
}

/** A Dockerfile of about `lines` lines with no proxy setting at all. */
export function plainDockerfile(lines: number): string {
  return grow(PLAIN_STAGES, lines, ['# syntax=docker/dockerfile:1']);
}

/** A Dockerfile of about `lines` lines where every third stage sets proxies (many findings). */
export function proxyDockerfile(lines: number): string {
  const mixed = PLAIN_STAGES.flatMap((s, i) => (i % 2 === 0 ? [s, PROXY_STAGES[(i / 2) % PROXY_STAGES.length]] : [s]));
  return grow(mixed, lines, ['# syntax=docker/dockerfile:1', 'ARG HTTP_PROXY=http://proxy.corp.example:3128']);
}

/** A daemon.json as on a corporate build host; `extraLabels` grows it (labels, per-runtime options). */
export function daemonJson(extraLabels: number, withProxy = true): string {
  const labels = Array.from({ length: extraLabels }, (_, i) => `    "com.example.rack=${i}"`).join(',\n');
  const proxy = withProxy
    ? `  "proxies": {
    "http-proxy": "http://proxy.corp.example:3128",
    "https-proxy": "http://proxy.corp.example:3128",
    "no-proxy": "localhost,127.0.0.1,.corp.example,registry.lab.example:5000,*.svc,172.17.*"
  },
  "registry-mirrors": ["https://mirror.corp.example"],
  "insecure-registries": ["registry.lab.example:5000"],
`
    : '';
  return `{
${proxy}  "log-driver": "json-file",
  "log-opts": { "max-size": "10m", "max-file": "3" },
  "data-root": "/var/lib/docker",
  "storage-driver": "overlay2",
  "default-address-pools": [{ "base": "172.30.0.0/16", "size": 24 }],
  "features": { "buildkit": true },
  "labels": [
${labels || '    "com.example.role=build"'}
  ]
}
`;
}

/** ~/.docker/config.json with credential-store settings (never read by us) and, optionally, proxies. */
export function cliConfig(extraHosts: number, withProxy = true): string {
  const hosts = Array.from({ length: extraHosts }, (_, i) => `    "registry${i}.example.com": {}`).join(',\n');
  const proxy = withProxy
    ? `  "proxies": {
    "default": {
      "httpProxy": "http://proxy.corp.example:3128",
      "httpsProxy": "http://proxy.corp.example:3128",
      "noProxy": "localhost,127.0.0.1,*.corp.example"
    },
    "tcp://build.corp.example:2376": {
      "httpProxy": "http://127.0.0.1:3128"
    }
  },
`
    : '';
  return `{
${proxy}  "auths": {
${hosts || '    "registry.example.com": {}'}
  },
  "credsStore": "desktop",
  "currentContext": "default",
  "features": { "hooks": "true" }
}
`;
}

/** A docker.service drop-in; `extraLines` adds the other service settings people keep in the same file. */
export function dropIn(extraLines: number, withProxy = true): string {
  const extra = Array.from({ length: extraLines }, (_, i) => (i % 3 === 0 ? `# tuned ${i}` : i % 3 === 1 ? `LimitNOFILE=${1048576 + i}` : `TimeoutStartSec=${i}`));
  const proxy = withProxy
    ? [
      'Environment="HTTP_PROXY=http://proxy.corp.example:3128"',
      'Environment="HTTPS_PROXY=http://alice:p%40ss@proxy.corp.example:3128"',
      'Environment="NO_PROXY=localhost,127.0.0.1,.corp.example"',
    ]
    : [];
  return ['[Service]', ...proxy, ...extra].join('\n') + '\n';
}
