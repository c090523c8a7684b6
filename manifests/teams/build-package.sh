#!/bin/sh
# Builds the Teams app package (a zip with manifest.json, color.png and outline.png at its root)
# with your bot's Microsoft App ID filled in.
#
#   manifests/teams/build-package.sh <bot-app-id> [teams-app-id] [version]
#
# bot-app-id   the "Microsoft App ID" of your Azure Bot (a GUID)
# teams-app-id the Teams app's own id (a GUID); defaults to the bot id, which Teams accepts
# version      the app version (x.y.z); raise it for every upload of a changed package. Default 1.0.0
#
# Writes manifests/teams/build/coalitionbot-teams.zip. Needs python3 (macOS and Linux have it;
# on Windows run it in WSL or Git Bash).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bot_id=${1:-}
app_id=${2:-$bot_id}
version=${3:-1.0.0}
guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'

if ! printf '%s' "$bot_id" | grep -Eq "$guid"; then
  echo "usage: $0 <bot-app-id> [teams-app-id] [version]   (ids are GUIDs like 8d9f0a52-1c4e-4a8b-9a53-2f0e8c6b1d47)" >&2
  exit 2
fi
if ! printf '%s' "$app_id" | grep -Eq "$guid"; then
  echo "teams-app-id must be a GUID" >&2
  exit 2
fi
if ! printf '%s' "$version" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+$'; then
  echo "version must look like 1.0.0" >&2
  exit 2
fi

mkdir -p "$here/build"
out="$here/build/coalitionbot-teams.zip"
python3 - "$here" "$out" "$bot_id" "$app_id" "$version" <<'PY'
import json, sys, zipfile
here, out, bot_id, app_id, version = sys.argv[1:]
with open(f"{here}/manifest.json", encoding="utf-8") as f:
    manifest = json.load(f)
manifest["id"] = app_id
manifest["version"] = version
for bot in manifest["bots"]:
    bot["botId"] = bot_id
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
    z.write(f"{here}/color.png", "color.png")
    z.write(f"{here}/outline.png", "outline.png")
print(f"wrote {out} (bot {bot_id}, app {app_id}, version {version})")
PY
