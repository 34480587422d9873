#!/usr/bin/env bash
# The README's library example as a new user meets it: a package of its own, in a temporary
# folder, that depends on this repository by path ("../Descent") with the README's Package.swift
# and main.swift copied verbatim from README.md. It builds, runs, and must print the book's run,
# x0 after the first update (history[1][0]) and the hand-computed path's status, and write
# descent.png, 1280 × 480 (two panels). It builds Descent afresh (a few minutes on two cores),
# which is why this is a script beside the test suite and not a test.
#
# Usage: .ci/library-example.sh [swift build flags…], e.g. .ci/library-example.sh -j 1
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ln -s "$root" "$work/Descent"
mkdir -p "$work/MyFigures/Sources/MyFigures"

# The two ```swift blocks of the README's "Using the library" section, in order.
python3 - "$root/README.md" "$work/MyFigures" <<'PYTHON'
import pathlib
import sys

readme = pathlib.Path(sys.argv[1]).read_text()
package = pathlib.Path(sys.argv[2])
section = readme.split("## Using the library", 1)[1].split("\n## ", 1)[0]
blocks = [part.split("\n```", 1)[0] + "\n" for part in section.split("```swift\n")[1:]]
if len(blocks) != 2 or "PackageDescription" not in blocks[0] or not blocks[1].startswith("import Descent"):
    sys.exit("README.md: the library section must hold Package.swift, then main.swift")
(package / "Package.swift").write_text(blocks[0])
(package / "Sources/MyFigures/main.swift").write_text(blocks[1])
PYTHON

cd "$work/MyFigures"
swift build "$@"
output="$(swift run --skip-build MyFigures)"
printf '%s\n' "$output"
grep -qx 'converged \[-0.03458764513817675, 0.04611686018418694\]' <<<"$output"
grep -qx -- '-2.399999999999622' <<<"$output"
python3 - descent.png <<'PYTHON'
import struct
import sys

data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1280, 480), f"{width} x {height}, not 1280 x 480"
PYTHON
echo "the README's library example builds and runs as a package of its own: descent.png, 1280 x 480"
