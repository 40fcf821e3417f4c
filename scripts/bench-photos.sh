#!/usr/bin/env bash
# Photo processing: trangtin against Hugo on the same generated camera photos.
#
#   scripts/bench-photos.sh [N]      default N: 200 photos of 4000×3000 (12 MP)
#
# Generates N JPEGs (examples/gen-photos.rs: gradients plus noise) as a trangtin
# site (one cover per article) and a Hugo site (one page bundle per photo whose
# template makes 480/960/1600 in WebP q80 and JPEG q80 and 1200 in JPEG, as
# trangtin does). Then, RUNS times each, alternating:
#   - trangtin cold: no .trangtin-cache/ (every photo decoded);
#   - Hugo cold: no resources/ cache (--ignoreCache);
#   - trangtin warm: the cache kept (no photo decoded);
#   - trangtin without photos: the same articles without covers, for the
#     cached rebuild's overhead;
# and prints medians of wall time, peak memory (/usr/bin/time -v), and the
# bytes published per photo.
#
# Environment: RUNS (3), WORK (default /dev/shm/trangtin-photos or $TMPDIR),
# TRANGTIN (a trangtin binary; default target/release/trangtin, built if missing),
# PROFILE (the cargo profile of the photo generator: release, or dev whose
# dependencies are optimized too; the generator links the trangtin library, so
# `release` rebuilds the library in release whenever src/ changed, and `dev` reuses
# the debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
RUNS=${RUNS:-3}
PROFILE=${PROFILE:-release}
WORK=${WORK:-$([ -d /dev/shm ] && echo /dev/shm/trangtin-photos || echo "${TMPDIR:-/tmp}/trangtin-photos")}
TRANGTIN=${TRANGTIN:-target/release/trangtin}
[ -x "$TRANGTIN" ] || cargo build --release --bin trangtin
TRANGTIN=$(realpath "$TRANGTIN")
# Two lines: under `set -e` a failing `rm` inside an `&&` list would not stop the script.
rm -rf "$WORK"
mkdir -p "$WORK/times"
cargo run --profile "$PROFILE" --quiet --example gen-photos -- "$N" "$WORK" >&2

# run NAME CMD...: wall seconds and peak MiB of one run, appended to $WORK/times/NAME
# (not $WORK/NAME: trangtin-nophotos is also a site folder there).
run() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  awk '{printf "%s %.0f\n", $1, $2/1024}' "$WORK/t" >> "$WORK/times/$name"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for i in $(seq "$RUNS"); do
  rm -rf "$WORK/trangtin/.trangtin-cache" "$WORK/out-t"
  run trangtin-cold "$TRANGTIN" build --fresh --root "$WORK/trangtin" --output "$WORK/out-t"
  rm -rf "$WORK/hugo/resources" "$WORK/out-h"
  run hugo-cold hugo --quiet --ignoreCache -s "$WORK/hugo" -d "$WORK/out-h"
  run trangtin-warm "$TRANGTIN" build --fresh --root "$WORK/trangtin" --output "$WORK/out-t"
  run trangtin-nophotos "$TRANGTIN" build --fresh --root "$WORK/trangtin-nophotos" --output "$WORK/out-n"
  run hugo-warm hugo --quiet -s "$WORK/hugo" -d "$WORK/out-h"
done

printf '%-20s %10s %12s %10s\n' run "median s" "s per photo" "peak MiB"
for name in trangtin-cold hugo-cold trangtin-warm trangtin-nophotos hugo-warm; do
  s=$(cut -d' ' -f1 "$WORK/times/$name" | median)
  m=$(cut -d' ' -f2 "$WORK/times/$name" | median)
  printf '%-20s %10s %12.3f %10s\n' "$name" "$s" "$(echo "$s / $N" | bc -l)" "$m"
done
tc=$(cut -d' ' -f1 "$WORK/times/trangtin-cold" | median); hc=$(cut -d' ' -f1 "$WORK/times/hugo-cold" | median)
tw=$(cut -d' ' -f1 "$WORK/times/trangtin-warm" | median); tn=$(cut -d' ' -f1 "$WORK/times/trangtin-nophotos" | median)
echo "cold: trangtin/Hugo = $(echo "$tc / $hc" | bc -l | cut -c1-5)"
echo "warm rebuild vs a build without photos: +$(echo "($tw - $tn) / $tn * 100" | bc -l | cut -c1-5)%"
tb=$(du -sb "$WORK/out-t/media" | cut -f1); hb=$(find "$WORK/out-h/posts" -type f \( -name '*.jpg' -o -name '*.webp' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "bytes published per photo: trangtin $((tb / N)), Hugo $((hb / N)) (Hugo also publishes the original)"
for w in 960 1600; do
  big=$(find "$WORK/out-t/media" -name "*.$w.webp" -printf '%s\n' | sort -n | tail -1)
  echo "largest $w-wide WebP cover: $big bytes"
done
