#!/usr/bin/env bash
# Report rendering benchmark: our PDF (typst) and DOCX (docx-rs) renderers against LibreOffice's DOCX→PDF.
#
# Builds `examples/bench_render.rs` in release, which grows seed 002's implementation report to >= 20 PDF pages
# (pdfinfo), times pdf::render (typst's memo cache cleared before each run, and kept warm) and docx::render
# in-process (2 warm-up runs, median and min of 15) and writes the DOCX; then times `soffice --headless --convert-to pdf` of that DOCX (median of 3, each with a fresh user
# profile) and prints one table with milliseconds and the ratio LibreOffice / ours.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

runs=${LO_RUNS:-3}
out=$root/benches/out/reports
mkdir -p "$out"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need pdfinfo || ! need soffice; then
    echo "== installing poppler-utils and libreoffice-writer-nogui (apt, --no-install-recommends)"
    sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_=sudo
    $sudo_ apt-get update -qq
    $sudo_ apt-get install -y -qq --no-install-recommends poppler-utils libreoffice-writer-nogui >/dev/null
fi

echo "== build (release)"
cargo build --release -p prongsai_reports --example bench_render
target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$root/$target ;; esac
bin=$target/release/examples/bench_render

echo "== in-process rendering"
"$bin" "$out" | tee "$out/bench.txt"
val() { sed -n "s/^$1=//p" "$out/bench.txt"; }
docx=$(val lo_docx_path)

# LibreOffice needs a Thai font, or it draws boxes and lays out 4x the pages: it gets the bundled
# Sarabun (the DOCX it converts names Sarabun at the PDF's size, see bench_render.rs) through a
# private fontconfig file, so nothing is installed on the machine.
fonts_conf=$out/fonts.conf
cat >"$fonts_conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$root/node_modules/@expo-google-fonts/sarabun</dir>
  <cachedir>$out/fontcache</cachedir>
</fontconfig>
CONF
export FONTCONFIG_FILE=$fonts_conf
fc-match Sarabun | grep -q Sarabun || { echo "fontconfig does not find the bundled Sarabun" >&2; exit 1; }

echo "== LibreOffice: soffice --headless --convert-to pdf ($runs runs, fresh profile each)"
soffice --version || true
lo_times=()
for i in $(seq "$runs"); do
    profile=$(mktemp -d /tmp/prongsai-lo-profile.XXXXXX)
    lo_out=$(mktemp -d /tmp/prongsai-lo-out.XXXXXX)
    start=$(date +%s%N)
    soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$lo_out" "$docx" >/dev/null 2>&1
    end=$(date +%s%N)
    lo_ms=$(( (end - start) / 1000000 ))
    lo_pdf=$lo_out/$(basename "${docx%.docx}").pdf
    [ -s "$lo_pdf" ] || { echo "LibreOffice produced no PDF" >&2; exit 1; }
    lo_pages=$(pdfinfo "$lo_pdf" | sed -n 's/^Pages: *//p')
    echo "run $i: ${lo_ms} ms, $lo_pages pages"
    lo_times+=("$lo_ms")
    cp "$lo_pdf" "$out/report-libreoffice.pdf"
    rm -rf "$profile" "$lo_out"
done
lo_median=$(printf '%s\n' "${lo_times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

echo
echo "== results: implementation report, $(val pages) PDF pages ($(val measures) measures), Thai digits"
awk -v pdf="$(val pdf_median_ms)" -v pdfmin="$(val pdf_min_ms)" \
    -v warm="$(val pdf_warm_median_ms)" -v warmmin="$(val pdf_warm_min_ms)" \
    -v docx="$(val docx_median_ms)" -v docxmin="$(val docx_min_ms)" \
    -v lo="$lo_median" -v runs="$(val runs)" -v loruns="$runs" -v lopages="$lo_pages" 'BEGIN {
    printf "%-52s %10s %9s %17s\n", "renderer", "median ms", "min ms", "LibreOffice/ours"
    printf "%-52s %10.2f %9.2f %16.1fx\n", "pdf::render, typst cache cleared (" runs " runs)", pdf, pdfmin, lo / pdf
    printf "%-52s %10.2f %9.2f %16.1fx\n", "pdf::render, typst cache warm (" runs " runs)", warm, warmmin, lo / warm
    printf "%-52s %10.2f %9.2f %16.1fx\n", "docx::render (" runs " runs)", docx, docxmin, lo / docx
    printf "%-52s %10.0f %9s %17s\n", "soffice --convert-to pdf, our DOCX in Sarabun (" loruns " runs, " lopages " p.)", lo, "-", "1x"
}'
echo "outputs: $out/report.pdf, $out/report.docx, $out/report-sarabun.docx (converted by LibreOffice), $out/report-libreoffice.pdf"
