#!/usr/bin/env bash
# Installs the Debian packages the platform needs (Chinese fonts for PDFs, ffprobe for video length,
# poppler for reading PDFs back; with --test also chromium for the browser tests) when they are missing and the machine allows it (apt-get as root or
# via sudo). Never fails the start: the server reports what is missing and disables just that feature.
missing=()
[ -e /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || fc-list ':lang=zh' 2>/dev/null | grep -q 'CJK SC' || missing+=(fonts-noto-cjk)
# 楷体 (KaiTi) for heading 2 of the printed application, 明体 as fallback for rare characters.
[ -e /usr/share/fonts/truetype/arphic/ukai.ttc ] || missing+=(fonts-arphic-ukai)
[ -e /usr/share/fonts/truetype/arphic/uming.ttc ] || missing+=(fonts-arphic-uming)
command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# The test suite also drives a browser (`--test`).
[ "${1:-}" = "--test" ] && { command -v chromium >/dev/null 2>&1 || missing+=(chromium); }
[ "${#missing[@]}" -eq 0 ] && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "缺少系统软件包：${missing[*]}（非 Debian/Ubuntu，请手动安装）"; exit 0; }
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
  echo "缺少系统软件包：${missing[*]}；无 root 权限，请执行：sudo apt-get install -y ${missing[*]}"; exit 0; fi
echo "安装系统软件包：${missing[*]} …"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null 2>&1 || true
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || echo "系统软件包安装失败：${missing[*]}（相关功能将不可用，启动信息会列出）"
exit 0
