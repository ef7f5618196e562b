#!/usr/bin/env bash
# Benchmark: guest MIPS of `warden exec` beside QEMU TCG (qemu-system-riscv64 -M spike) on the same
# ELF files, interleaved (warden, qemu, warden, qemu, ...) so that both see the same machine load.
# Warden's figure is its own (instructions retired / host time of the run loop, JIT warm-up
# included, JVM start-up not); QEMU's is the same instruction count over its wall-clock time
# (process start-up included, a few tens of ms). Prints the median of ROUNDS runs of each.
# Usage: bench/compare.sh [ROUNDS] (from src/test/guest, after build.sh; ./warden must work).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
WARDEN=${WARDEN:-../../../../../warden}
command -v qemu-system-riscv64 >/dev/null || { echo "qemu-system-riscv64 not installed (Debian: qemu-system-misc)"; exit 2; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for prog in loop mix; do
  elf=bin/$prog.elf
  : > /tmp/warden-bench-w.$$; : > /tmp/warden-bench-q.$$
  n=0
  for r in $(seq "$ROUNDS"); do
    line=$("$WARDEN" exec "$elf" | grep 'instructions retired')
    n=$(echo "$line" | awk '{print $1}')
    echo "$line" | sed 's/.*(\([0-9.]*\) MIPS).*/\1/' >> /tmp/warden-bench-w.$$
    t0=$(date +%s.%N)
    timeout 300 qemu-system-riscv64 -M spike -nographic -bios none -kernel "$elf" >/dev/null
    t1=$(date +%s.%N)
    echo "$n $t0 $t1" | awk '{printf "%.1f\n", $1 / ($3 - $2) / 1e6}' >> /tmp/warden-bench-q.$$
  done
  w=$(median < /tmp/warden-bench-w.$$)
  q=$(median < /tmp/warden-bench-q.$$)
  echo "$prog: $n instructions; warden $w MIPS, qemu $q MIPS (median of $ROUNDS); warden/qemu = $(echo "$w $q" | awk '{printf "%.2f", $1 / $2}')"
  rm -f /tmp/warden-bench-w.$$ /tmp/warden-bench-q.$$
done
