#!/usr/bin/env bash
# Builds the Linux kernel Image that Warden boots as its RISC-V rich-OS partition (issue 18), once, and caches it
# outside the repository under ${XDG_CACHE_HOME:-~/.cache}/warden/linux/<kernel version>-<digest>/Image, where the
# digest covers this script, warden.config, init.c and initramfs.list. A stable link
# ${XDG_CACHE_HOME:-~/.cache}/warden/linux/Image points at the newest build; docs/examples/riscv-linux.yaml names it.
# Nothing built here is committed. Installs what it needs with apt-get (Debian's linux-source-6.1 and riscv64 cross
# toolchain). Usage: tools/linux/build.sh [--print-path]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/warden/linux"
packages=(linux-source-6.1 gcc-riscv64-linux-gnu libc6-dev-riscv64-cross make bc flex bison libssl-dev libelf-dev cpio xz-utils gcc libc6-dev)
jobs="${WARDEN_LINUX_JOBS:-2}"

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "build.sh: installing ${missing[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

version="$(dpkg-query -W -f='${Version}' linux-source-6.1)"
digest="$(cat "$here/build.sh" "$here/warden.config" "$here/init.c" "$here/initramfs.list" | sha256sum | cut -c1-12)"
# The kernel's object tree is keyed by the configuration alone, so a change to init.c only relinks the initramfs.
config_digest="$(cat "$here/build.sh" "$here/warden.config" | sha256sum | cut -c1-12)"
out="$cache_root/$version-$digest"
if [ "${1:-}" = "--print-path" ]; then echo "$out/Image"; exit 0; fi
if [ -f "$out/Image" ]; then
  ln -sfn "$out/Image" "$cache_root/Image"
  echo "$out/Image (cached)"
  exit 0
fi
mkdir -p "$out"
src="$cache_root/src-$version"
if [ ! -f "$src/.extracted" ]; then
  echo "build.sh: extracting linux-source $version into $src" >&2
  rm -rf "$src"; mkdir -p "$src"
  tar -xaf /usr/src/linux-source-6.1.tar.xz -C "$src" --strip-components=1
  touch "$src/.extracted"
fi

cross=riscv64-linux-gnu-
obj="$cache_root/obj-$version-$config_digest"
mkdir -p "$obj/warden-rootfs"
echo "build.sh: building init" >&2
nice ${cross}gcc -static -O2 -Wall -o "$obj/warden-rootfs/init" "$here/init.c"
cp "$obj/warden-rootfs/init" "$out/init"
sed "s|@INIT@|$obj/warden-rootfs/init|" "$here/initramfs.list" > "$obj/initramfs.list"
make_args=(-C "$src" O="$obj" ARCH=riscv CROSS_COMPILE="$cross" -j"$jobs")
echo "build.sh: configuring (allnoconfig + warden.config)" >&2
sed "s|@INITRAMFS_LIST@|$obj/initramfs.list|" "$here/warden.config" > "$obj/warden.config"
nice make "${make_args[@]}" KCONFIG_ALLCONFIG="$obj/warden.config" allnoconfig >"$out/config.log" 2>&1 \
  || { tail -20 "$out/config.log" >&2; exit 1; }
# Every option of the fragment must have survived Kconfig's dependency resolution.
bad=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue;; esac
  key="${line%%=*}"; want="${line#*=}"
  if [ "$want" = "n" ]; then
    grep -q "^$key=" "$obj/.config" && { echo "build.sh: $key should be off" >&2; bad=1; }
  else
    grep -qxF "$key=$want" "$obj/.config" || { echo "build.sh: $key=$want did not stick" >&2; bad=1; }
  fi
done < "$obj/warden.config"
[ "$bad" -eq 0 ] || { echo "build.sh: configuration rejected; see $obj/.config" >&2; exit 1; }
echo "build.sh: building Image with -j$jobs (log: $out/build.log)" >&2
if ! nice make "${make_args[@]}" Image >"$out/build.log" 2>&1; then
  tail -30 "$out/build.log" >&2
  exit 1
fi
cp "$obj/arch/riscv/boot/Image" "$out/Image.tmp"
cp "$obj/System.map" "$out/System.map"
cp "$obj/.config" "$out/config"
mv "$out/Image.tmp" "$out/Image"
ln -sfn "$out/Image" "$cache_root/Image"
echo "$out/Image"
