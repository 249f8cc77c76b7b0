#!/bin/sh
# Sitbreak in a status bar: prints one update and exits; the bar runs it every few seconds.
#
#   sitbreak-bar.sh [--plain] [SITBREAK-OPTIONS...]      e.g. sitbreak-bar.sh --basedir ~/sb
#   sitbreak-bar.sh --toggle-pause [SITBREAK-OPTIONS...] for a click: resume or pause (1 h)
#
# Reads `sitbreak status --json` (docs/cli.md) and prints waybar's JSON
#   {"text": "32 min", "tooltip": "...", "class": "<state>"}
# or, with --plain, the text alone (polybar). The class is the status's `state` (away,
# sitting, window, prompting, snoozed, paused, quiet), `not-running` or `error`. Texts are
# escaped for Pango markup, which waybar applies. Printing always exits 0, so the bar shows
# "not running" instead of an error. Needs python3 (no jq). Set SITBREAK to the command
# if `sitbreak` is not on PATH.

sitbreak=${SITBREAK:-sitbreak}

if [ "${1-}" = "--toggle-pause" ]; then
    shift
    if "$sitbreak" "$@" status --json 2>/dev/null | python3 -c '
import json, sys
status = json.load(sys.stdin)
sys.exit(0 if status["paused_indefinitely"] or status["paused_until"] else 1)
' 2>/dev/null; then
        exec "$sitbreak" "$@" resume
    fi
    exec "$sitbreak" "$@" pause
fi

mode=json
if [ "${1-}" = "--plain" ]; then
    mode=plain
    shift
fi

status=$("$sitbreak" "$@" status --json 2>/dev/null)
code=$?

printf '%s' "$status" | python3 -c '
import html, json, sys

mode, code = sys.argv[1], int(sys.argv[2])


def show(text, tooltip, css_class):
    if mode == "plain":
        print(text)
    else:
        text, tooltip = html.escape(text, quote=False), html.escape(tooltip, quote=False)
        print(json.dumps({"text": text, "tooltip": tooltip, "class": css_class}))


if code == 3:
    show("not running", "Sitbreak is not running.", "not-running")
    sys.exit(0)
if code == 127:
    show("error", "The sitbreak command was not found: set SITBREAK to it.", "error")
    sys.exit(0)
try:
    status = json.loads(sys.stdin.read()) if code == 0 else None
except ValueError:
    status = None
if not isinstance(status, dict):
    show("error", f"`sitbreak status --json` failed (exit {code}).", "error")
    sys.exit(0)

state = status.get("state") or "unknown"
minutes = int(status.get("desk_seconds") or 0) // 60
text = {"away": "away", "paused": "paused", "quiet": "off hours"}.get(state, f"{minutes} min")
if state == "prompting":
    text += " · stand up"
elif state == "snoozed":
    text += " · snoozed"
tooltip = [status.get("summary") or "Sitbreak"]
suggestion = status.get("suggestion")
if isinstance(suggestion, dict) and suggestion.get("name"):
    dose = suggestion.get("dose")
    tooltip.append("Next: " + suggestion["name"] + (f", {dose}" if dose else ""))
show(text, "\n".join(tooltip), state)
' "$mode" "$code"
