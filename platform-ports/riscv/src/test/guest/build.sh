#!/usr/bin/env bash
# Builds the hart's guest programs (conformance checks and benchmarks) into bin/ with Debian's
# gcc-riscv64-unknown-elf. Deterministic: the same sources and compiler give the same bytes, which
# GuestBinariesTest checks against the committed bin/*.elf when the compiler is installed (local symbols,
# which would name temporary files, are discarded). [impl->dsn~riscv.guest-binaries~1]
set -euo pipefail
cd "$(dirname "$0")"
CC=${CC:-riscv64-unknown-elf-gcc}
OUT=${1:-bin}
if ! command -v "$CC" >/dev/null 2>&1; then # install the cross compiler where we may (Debian, as root)
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq >&2 && apt-get install -y -qq gcc-riscv64-unknown-elf >&2
  else
    echo "build.sh: $CC not found: install Debian's gcc-riscv64-unknown-elf" >&2
    exit 2
  fi
fi
mkdir -p "$OUT"
FLAGS=(-march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany -static -nostdlib -nostartfiles -Tlink.ld -I. -Wl,--discard-all)
# the floating-point programs (fp*.S, diff/*.c) are built for RV64IMAFDC, still with the integer ABI
FP=(-march=rv64imafdc_zicsr_zifencei)
for s in *.S bench/*.S; do
  [ "$s" = bench/crt0.S ] && continue
  case "$(basename "$s")" in fp*) extra=("${FP[@]}") ;; *) extra=() ;; esac
  "$CC" "${FLAGS[@]}" "${extra[@]}" -o "$OUT/$(basename "${s%.S}").elf" "$s"
done
for c in diff/*.c; do
  [ -e "$c" ] || continue
  "$CC" "${FLAGS[@]}" "${FP[@]}" -O2 -ffreestanding -fno-builtin -o "$OUT/$(basename "${c%.c}").elf" bench/crt0.S "$c"
done
for c in bench/*.c; do
  [ -e "$c" ] || continue
  n=$(basename "${c%.c}")
  "$CC" "${FLAGS[@]}" -O2 -ffreestanding -fno-builtin -o "$OUT/$n.elf" bench/crt0.S "$c"
done
