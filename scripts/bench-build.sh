#!/usr/bin/env bash
# Times `trangtin build` against Hugo on the same generated articles.
#
#   scripts/bench-build.sh [N...]      default sizes: 1000 10000 (add 100000 on request)
#
# For each size it generates a site with examples/gen-site.rs (and its Hugo twin),
# then runs the two builds ALTERNATING, $RUNS times each, into empty output folders
# on tmpfs (/dev/shm) when there is one, and prints per tool: median wall time,
# CPU time, peak memory (/usr/bin/time -v), pages and files written, bytes written,
# time per page; and the trangtin/Hugo ratio of the medians. It also times the
# sample site of this repository (content/ at the root) when there is one. Full builds
# run with --fresh; after them, at each size, `build` again with nothing changed and
# after one article's title changed (the build cache) are timed too.
#
# Environment: RUNS (5), CHARTS (1000), SEED (1), WORK (a folder for sites and
# outputs; default /dev/shm/trangtin-bench or $TMPDIR), TRANGTIN (a trangtin
# binary to use instead of building target/release/trangtin), KEEP=1 keeps WORK,
# HUGO_MAX (20000): above this many articles Hugo is not run (at 10,000 it
# already peaks near 2 GB; 100,000 would take most of this machine's memory).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-5}
CHARTS=${CHARTS:-1000}
HUGO_MAX=${HUGO_MAX:-20000}
SEED=${SEED:-1}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

say() { printf '%s\n' "$*" >&2; }

# --- tools ------------------------------------------------------------------
apt_install() {
    say "installing $1 with apt-get (needed for this benchmark)"
    apt-get install -y "$1" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$1" >/dev/null; }
}
[ -x /usr/bin/time ] || apt_install time
command -v hugo >/dev/null || apt_install hugo
HUGO_VERSION=$(hugo version | awk '{print $2}')

if [ -z "${TRANGTIN:-}" ]; then
    cargo build --release --quiet --bin trangtin --example gen-site
    TRANGTIN=$ROOT/target/release/trangtin
fi
GEN=${GEN:-$ROOT/target/release/examples/gen-site}
[ -x "$GEN" ] || cargo build --release --quiet --example gen-site

if [ -z "${WORK:-}" ]; then
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then WORK=/dev/shm/trangtin-bench; else WORK=${TMPDIR:-/tmp}/trangtin-bench; fi
fi
mkdir -p "$WORK"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

# --- measuring ----------------------------------------------------------------
# run NAME OUT CMD...: one timed run into an empty OUT; appends "wall cpu kb" to $WORK/NAME.
run() {
    local name=$1 out=$2; shift 2
    rm -rf "$out"
    measure "$name" "$@"
}

# measure NAME CMD...: one timed run as it is (the output kept); appends as run does.
measure() {
    local name=$1; shift
    /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/$name.log" 2>&1 || {
        say "$name failed:"; tail -20 "$WORK/$name.log" >&2; exit 1; }
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2] }
        /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
        END { printf "%.3f %.3f %d\n", w, u + s, m }' "$WORK/time.txt" >>"$WORK/$name"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# report NAME OUT: one line of results; echoes the median wall time.
report() {
    local name=$1 out=$2 wall cpu kb html xml files mb
    wall=$(cut -d' ' -f1 "$WORK/$name" | median)
    cpu=$(cut -d' ' -f2 "$WORK/$name" | median)
    kb=$(cut -d' ' -f3 "$WORK/$name" | sort -n | tail -1)
    html=$(find "$out" -name '*.html' | wc -l)
    xml=$(find "$out" -name '*.xml' | wc -l)
    files=$(find "$out" -type f | wc -l)
    mb=$(du -sm "$out" | cut -f1)
    printf '  %-16s median %7.2f s  cpu %7.2f s  peak %6d MiB  %6d html %5d xml %6d files %6d MB  %6.3f ms/page\n' \
        "$name" "$wall" "$cpu" $((kb / 1024)) "$html" "$xml" "$files" "$mb" "$(awk -v w="$wall" -v p="$html" 'BEGIN { print p ? w * 1000 / p : 0 }')" >&2
    echo "$wall $html"
}

rm -f "$WORK/summary"
say "trangtin: $TRANGTIN; hugo $HUGO_VERSION; $RUNS runs each, alternating; outputs in $WORK; $(nproc) cores"

if [ -d "$ROOT/content" ]; then
    rm -f "$WORK/sample"
    for _ in $(seq "$RUNS"); do run sample "$WORK/out-sample" "$TRANGTIN" build --fresh --quiet --root "$ROOT" --output "$WORK/out-sample"; done
    say "sample site ($ROOT):"
    report sample "$WORK/out-sample" >/dev/null
fi

for n in "${SIZES[@]}"; do
    site=$WORK/site-$n hugo_site=$WORK/hugo-$n
    with_hugo=1
    [ "$n" -le "$HUGO_MAX" ] || with_hugo=0
    if [ $with_hugo = 1 ]; then
        "$GEN" --articles "$n" --charts "$CHARTS" --seed "$SEED" --hugo "$hugo_site" "$site" >&2
    else
        "$GEN" --articles "$n" --charts "$CHARTS" --seed "$SEED" "$site" >&2
    fi
    rm -f "$WORK/trangtin-$n" "$WORK/hugo-$n.runs"
    for _ in $(seq "$RUNS"); do
        run "trangtin-$n" "$WORK/out-t" "$TRANGTIN" build --fresh --quiet --root "$site" --output "$WORK/out-t"
        [ $with_hugo = 0 ] || run "hugo-$n.runs" "$WORK/out-h" hugo --quiet --source "$hugo_site" --destination "$WORK/out-h"
    done
    say "$n articles ($CHARTS charts for trangtin):"
    read -r tw tp < <(report "trangtin-$n" "$WORK/out-t")
    if [ $with_hugo = 1 ]; then
        read -r hw hp < <(report "hugo-$n.runs" "$WORK/out-h")
        say "$(awk -v t="$tw" -v h="$hw" -v n="$n" 'BEGIN { printf "  ratio trangtin/hugo at %d articles: %.2f (target <= 0.5)", n, t / h }')"
    else
        hw=0 hp=0
        say "  hugo not run above HUGO_MAX=$HUGO_MAX articles"
    fi
    echo "$n $tw $tp $hw $hp" >>"$WORK/summary"
    # Rebuilds with the build cache (.trangtin-cache/build.cache), from the last
    # full build above: again with nothing changed, and after one title changed.
    rm -f "$WORK/same-$n" "$WORK/title-$n"
    article=$(find "$site/content/articles" -name '*.md' | sort | sed -n 1p)
    for i in $(seq "$RUNS"); do
        measure "same-$n" "$TRANGTIN" build --quiet --root "$site" --output "$WORK/out-t"
        sed -i "0,/^title: \"/s//title: \"$i /" "$article"
        measure "title-$n" "$TRANGTIN" build --quiet --root "$site" --output "$WORK/out-t"
    done
    for name in "same-$n" "title-$n"; do
        printf '  %-16s median %7.3f s  cpu %7.3f s  peak %6d MiB\n' "$name" \
            "$(cut -d' ' -f1 "$WORK/$name" | median)" "$(cut -d' ' -f2 "$WORK/$name" | median)" \
            $(($(cut -d' ' -f3 "$WORK/$name" | sort -n | tail -1) / 1024)) >&2
    done
    say "  (same: build again with nothing changed; title: build after one article's title changed)"
    rm -rf "$site" "$hugo_site" "$WORK/out-t" "$WORK/out-h"
done

# Growth: time per page relative to the first size (target at 100,000: <= 1.5x the 10,000 figure).
if [ "$(wc -l <"$WORK/summary")" -gt 1 ]; then
    say "time per page relative to the smallest size:"
    awk '{ t = $2 / $3; h = $5 ? $4 / $5 : 0; if (NR == 1) { t0 = t; h0 = h }
           printf "  %7d articles: trangtin %.3f ms/page (x%.2f)", $1, t * 1000, t / t0
           if (h && h0) printf "  hugo %.3f ms/page (x%.2f)", h * 1000, h / h0
           printf "\n" }' "$WORK/summary" >&2
fi
rm -f "$WORK/summary"
