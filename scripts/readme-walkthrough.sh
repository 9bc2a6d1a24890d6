#!/usr/bin/env bash
# Runs the README's walk-through (the shell block between the walkthrough markers) against a fresh `folio serve --demo`,
# so that every command the README prints is known to work as printed.
set -euo pipefail
folio_dll=$(realpath "${1:?usage: readme-walkthrough.sh path/to/folio.dll}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 5181)
(cd "$work" && exec env -u FOLIO_DATABASE dotnet "$folio_dll" serve --demo --urls "http://127.0.0.1:$port" >"$work/out.log" 2>"$work/err.log") &
server=$!
for _ in $(seq 1 120); do grep -q '^Admin API key' "$work/out.log" 2>/dev/null && break; sleep 0.5; done
key=$(sed -n 's/^Admin API key (shown once): //p' "$work/out.log")
[ -n "$key" ] || { echo "folio serve --demo printed no key"; cat "$work/out.log" "$work/err.log"; exit 1; }

sed -n '/<!-- walkthrough:start -->/,/<!-- walkthrough:end -->/p' "$root/README.md" | sed '/^```/d;/^<!--/d' >"$work/walkthrough.sh"
[ -s "$work/walkthrough.sh" ] || { echo "README has no walkthrough block"; exit 1; }
export FOLIO="http://127.0.0.1:$port" FOLIO_KEY="$key"
if bash -euo pipefail "$work/walkthrough.sh" >"$work/walkthrough.log" 2>&1; then
  echo "README walk-through: every command worked."
else
  echo "README walk-through failed:"; cat "$work/walkthrough.log"; exit 1
fi
