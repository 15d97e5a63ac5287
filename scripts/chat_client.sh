#!/usr/bin/env bash
# Build the chat web client: converse.js from npm (exact version and lock in
# src/collective/servicedesk/chat/static-src), its prebuilt dist copied into
# chat/browser/static/converse, served by Plone (no CDN). Run by `make
# chat-client`, `make install` and .ci/run; the output is not committed.
set -euo pipefail
cd "$(dirname "$0")/../src/collective/servicedesk/chat"
(cd static-src && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
dist=static-src/node_modules/converse.js/dist
out=browser/static/converse
rm -rf "$out"
mkdir -p "$out"
cp "$dist"/converse.min.js "$dist"/converse.min.css "$out"/
cp -r "$dist"/chunkjs "$dist"/images "$dist"/webfonts "$dist"/sounds "$dist"/emoji.json "$out"/
# Source maps only weigh; the locales other than Norwegian and English are not offered.
find "$out" -name '*.map' -delete
find "$out"/chunkjs/locales -type f ! -name 'nb-*' ! -name 'nn-*' ! -name 'en-*' -delete
echo "converse.js $(node -p "require('./$dist/../package.json').version") in $out"
# node_modules is only the build's input: linters and scans of src/ must not walk it.
rm -rf static-src/node_modules
