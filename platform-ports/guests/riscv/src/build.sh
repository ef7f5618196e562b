#!/usr/bin/env bash
# Builds Warden's RISC-V S-mode guests into ../bin/ (or the directory given) with Debian's
# gcc-riscv64-unknown-elf, installing it with apt-get when it is missing. Deterministic: the same
# sources and compiler give the same bytes; SbiGuestBinariesTest compares a rebuild with the
# committed bin/*.elf when the compiler is installed. [impl->dsn~riscv.sbi.guest~1]
#   sbi-heartbeat.elf  boots, heartbeats on every 1 ms SBI timer tick
#   sbi-crasher.elf    the same, with an illegal instruction in its 3rd timer interrupt
#   sbi-selftest.elf   the port's test guest (ElfGuestTest): Base, IPI refusal, a redirected fault, a timer
set -euo pipefail
cd "$(dirname "$0")"
CC=${CC:-riscv64-unknown-elf-gcc}
if ! command -v "$CC" >/dev/null 2>&1; then
  echo "build.sh: $CC not found; installing gcc-riscv64-unknown-elf with apt-get" >&2
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -q && $SUDO apt-get install -y -q gcc-riscv64-unknown-elf
fi
OUT=${1:-../bin}
mkdir -p "$OUT"
FLAGS=(-march=rv64imac_zicsr -mabi=lp64 -mcmodel=medany -static -nostdlib -nostartfiles -Tlink.ld -Wl,--discard-all -Wl,--build-id=none -Wl,--no-warn-rwx-segments)
"$CC" "${FLAGS[@]}" -o "$OUT/sbi-heartbeat.elf" sbi-guest.S
"$CC" "${FLAGS[@]}" -DCRASH_AFTER=3 -o "$OUT/sbi-crasher.elf" sbi-guest.S
"$CC" "${FLAGS[@]}" -o "$OUT/sbi-selftest.elf" sbi-selftest.S
