#!/usr/bin/env bash
# Fuzz sentencenorm.parse and sentencenorm.extract for a bounded time (docs/hostile-input.md).
#
#   pip install atheris          # 3.0.0 has wheels for CPython 3.11
#   bash tests/fuzz/run.sh [SECONDS] [more libFuzzer flags...]     # default: 30 seconds
#
# Runs tests/fuzz/fuzz_parse.py with the python on PATH (sentencenorm importable from it). New
# inputs go to a temporary corpus; the checked-in seeds (tests/fuzz/corpus/) are only read.
# Exit status: 0 when the time ran out with no crash; non-zero on a crash (an exception other
# than SentenceParseError from parse, any exception from extract, a broken promise, or an input
# slower than -timeout), after printing each crash input and its one-line repro.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seconds=${1:-30}
shift || true

work=$(mktemp -d "${TMPDIR:-/tmp}/sentencenorm-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus" "$work/crashes"

status=0
python "$here/fuzz_parse.py" "$work/corpus" "$here/corpus" \
    -dict="$here/sentencing.dict" \
    -max_total_time="$seconds" \
    -max_len=4096 \
    -timeout=20 \
    -rss_limit_mb=4096 \
    -artifact_prefix="$work/crashes/" \
    -print_final_stats=1 \
    "$@" || status=$?

if [ "$status" -ne 0 ]; then
    echo "fuzz: libFuzzer exited with status $status" >&2
    for crash in "$work"/crashes/*; do
        [ -e "$crash" ] || continue
        echo "fuzz: crash input $(basename "$crash") (base64: $(base64 -w0 "$crash"))" >&2
        python "$here/fuzz_parse.py" --show "$crash" >&2 || true
        if [ -n "${FUZZ_KEEP:-}" ]; then
            mkdir -p "$FUZZ_KEEP" && cp "$crash" "$FUZZ_KEEP/"
        fi
    done
    exit "$status"
fi
echo "fuzz: no crash in ${seconds}s"
