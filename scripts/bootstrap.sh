#!/usr/bin/env bash
# Command 1 of the README: install dependencies, build, run the demo.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
bash scripts/demo.sh build/litmine
