#!/usr/bin/env bash
# Builds Warden's RISC-V S-mode guests into ../bin/ (or the directory given) with Debian's
# gcc-riscv64-unknown-elf, installing it with apt-get when it is missing. Deterministic: the same
# sources and compiler give the same bytes; SbiGuestBinariesTest compares a rebuild with the
# committed bin/*.elf when the compiler is installed. [impl->dsn~riscv.sbi.guest~1]
#   sbi-heartbeat.elf  boots, heartbeats on every 1 ms SBI timer tick
#   sbi-crasher.elf    the same, with an illegal instruction in its 3rd timer interrupt
#   sbi-selftest.elf   the port's test guest (ElfGuestTest): Base, IPI refusal, a redirected fault, a timer
#   rtos.elf           Warden RTOS (rtos.c, rtos-start.S): the rtos model's tasks as real code, in C
#   rtos-crasher.elf   the same, with an illegal instruction at the start of its lowest-priority task's 3rd job
# The RTOS is built for RV64IMAC, lp64 (no F/D registers: the monitor's world switch saves none),
# its statistics block at the absolute symbol warden_rtos_stats, in the last 4 KiB of the 4 MiB of
# partition memory at 0x80400000 and outside every loadable segment (a restart's reload keeps it).
# [impl->dsn~guest.rtos.build~1]
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
RTOS=(-O2 -ffreestanding -fno-builtin -fno-tree-loop-distribute-patterns -fno-stack-protector -fno-pic -Wall -Wextra
  -Werror -Wl,--defsym=warden_rtos_stats=0x807FF000)
"$CC" "${FLAGS[@]}" "${RTOS[@]}" -o "$OUT/rtos.elf" rtos-start.S rtos.c
"$CC" "${FLAGS[@]}" "${RTOS[@]}" -DCRASH_JOB=3 -o "$OUT/rtos-crasher.elf" rtos-start.S rtos.c
