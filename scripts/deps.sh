#!/usr/bin/env bash
# Installs the Debian packages litmine needs to build and test, skipping
# the apt-get run entirely when every package is already there.
set -euo pipefail

pkgs=(
  # build
  build-essential cmake pkg-config
  libcurl4-openssl-dev libpcre2-dev libxml2-dev libcjson-dev libsqlite3-dev
  zlib1g-dev libssl-dev
  # the PostgreSQL backend: libpq to build, a server for its tests (scripts/pg.sh)
  libpq-dev postgresql
  # tests: Criterion, the loopback replay server, the oracle (xtract),
  # memory checking and the sqlite3 shell for canonical dumps
  libcriterion-dev libmicrohttpd-dev ncbi-entrez-direct valgrind sqlite3
  # fuzzing: clang's libFuzzer with its sanitizer runtimes
  clang libclang-rt-14-dev
  # benchmarks: Biopython as a peer, GNU time for peak RSS
  python3-biopython time
  # tests: real parsers read `export --format bibtex` (python3-bibtexparser) and `ris`
  # (bibutils' ris2xml) in tests/cli/features_cli.sh;
  # mandoc lints the man page when present
  python3-bibtexparser bibutils mandoc
  # tests: R reads the studies CSV (tests/pipeline/run_job.sh)
  r-base-core
)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
