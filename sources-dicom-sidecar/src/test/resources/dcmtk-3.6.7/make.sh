#!/bin/sh
# Writes the DICOM JSON sidecars in this folder with Debian 12's dcmtk 3.6.7 (apt-get install dcmtk).
# Three small CT images are made from text dumps (dump2dcm), compressed (dcmcrle: RLE Lossless;
# dcmcjpeg: JPEG Baseline), and written as JSON by dcm2json. The DICOMweb response is the three
# uncompressed dcm2json outputs, unchanged, joined into one JSON array, the shape of a WADO-RS metadata response (PS3.18 F.2).
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dcm2json --version | head -1 > VERSION

for n in 1 2 3; do
  cat > "$work/ct$n.dump" <<DUMP
(0008,0005) CS [ISO_IR 192]
(0008,0008) CS [ORIGINAL\\PRIMARY\\AXIAL]
(0008,0016) UI [1.2.840.10008.5.1.4.1.1.2]
(0008,0018) UI [1.2.826.0.1.3680043.10.1407.$n]
(0008,0020) DA [20240131]
(0008,0030) TM [101500]
(0008,0060) CS [CT]
(0008,0070) LO [Example Medical]
(0010,0010) PN [Yamada^Tarou=山田^太郎=やまだ^たろう]
(0010,0020) LO [ANON-000$n]
(0018,0050) DS [1.25]
(0020,000d) UI [1.2.826.0.1.3680043.10.1407]
(0020,000e) UI [1.2.826.0.1.3680043.10.1407.100]
(0020,0013) IS [$n]
(0028,0002) US 1
(0028,0004) CS [MONOCHROME2]
(0028,0010) US 4
(0028,0011) US 4
(0028,0030) DS [0.5\\0.5]
(0028,0100) US 8
(0028,0101) US 8
(0028,0102) US 7
(0028,0103) US 0
(7fe0,0010) OB 00\\10\\20\\30\\40\\50\\60\\70\\80\\90\\a0\\b0\\c0\\d0\\e0\\f$n
DUMP
  dump2dcm +te "$work/ct$n.dump" "$work/ct$n.dcm"
done

# For compressed pixel data dcm2json 3.6.7 stops with "F: JSON InlineBinary encoding not supported for
# compressed pixel data" (exit status 1), having written every attribute before PixelData, the comma
# after the last one, and the closing brace. Those files are kept as written.
compressed_json() {
  if dcm2json "$@" 2> "$work/err"; then echo "dcm2json unexpectedly succeeded: $*" >&2; exit 1; fi
  grep -q "not supported for compressed pixel data" "$work/err"
}
dcm2json "$work/ct1.dcm" ct1-uncompressed.dcm.json
dcmcrle "$work/ct1.dcm" "$work/ct1-rle.dcm"
compressed_json "$work/ct1-rle.dcm" ct1-rle.dcm.json
compressed_json -fc "$work/ct1-rle.dcm" ct1-rle-compact.dcm.json
dcmcjpeg "$work/ct2.dcm" "$work/ct2-jpeg.dcm"
compressed_json "$work/ct2-jpeg.dcm" ct2-jpeg-baseline.dcm.json

for n in 1 2 3; do dcm2json "$work/ct$n.dcm" "$work/ct$n.json"; done
# dcm2json's bytes unchanged, joined as a JSON array
{ echo "["; cat "$work/ct1.json"; echo ","; cat "$work/ct2.json"; echo ","; cat "$work/ct3.json"; echo "]"; } > dicomweb-series.json
