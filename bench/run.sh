#!/usr/bin/env bash
# Benchmarks of the foundation issue, on the data of shared/bench/gen_book.py:
#  1. criterion: recomputing the whole plan after a parameter change, 100k accounts in memory
#     (target: under 16 ms, one frame);
#  2. hyperfine: `csplan capacity` as a whole process on the 1M-account workspace against the
#     sqlite3 shell running the equivalent GROUP BY on the same file (target: no slower);
#  3. W3 reproduced on the 100k book (bench/w3_check.py);
#  4. criterion: the plan over time's risk bands, 10,000 trials x 8 quarters x 5 segments
#     (issue #4 target: under 200 ms).
# Needs python3 (with pip), hyperfine and sqlite3 (Debian packages). Data goes to bench-data/.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CSPLAN_SHARED:-../shared}
data=bench-data
mkdir -p "$data"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -r "$shared/bench/requirements.txt"
fi
for size in 100k 1m; do
  [ -f "$data/accounts_$size.csv" ] ||
    .venv/bin/python "$shared/bench/gen_book.py" "$size" --out "$data/accounts_$size.csv"
done

cargo build --release -p csplan-cli --locked
csplan=target/release/csplan

for size in 100k 1m; do
  if [ ! -f "$data/book_$size.db" ]; then
    echo "== import $size accounts"
    /usr/bin/time -f "import $size: %e s, peak RSS %M KiB" \
      "$csplan" import accounts "$data/accounts_$size.csv" --db "$data/book_$size.db"
  fi
done

echo "== W1 import, 1M accounts into a fresh workspace: csplan vs the sqlite3 shell's .import"
# Same file, same run; each timed run starts from no database file. The shell loads the W1
# schema (bench/w1_schema.sql) through a staging table (bench/w1_sqlite3.sql).
sed "s|CSV_FILE|$data/accounts_1m.csv|" bench/w1_sqlite3.sql > "$data/w1_sqlite3_1m.sql"
import_db="$data/import_1m.db"
w1_db="$data/w1_1m.db"
hyperfine --warmup 1 --runs 5 --export-markdown "$data/import_1m.md" \
  --prepare "rm -f $import_db $import_db-wal $import_db-shm" \
  -n "csplan import accounts (1M)" "$csplan import accounts $data/accounts_1m.csv --db $import_db" \
  --prepare "rm -f $w1_db $w1_db-wal $w1_db-shm" \
  -n "sqlite3 .import (1M)" "sqlite3 $w1_db -cmd '.read bench/w1_schema.sql' < $data/w1_sqlite3_1m.sql"
rm -f "$import_db"* "$w1_db"*
/usr/bin/time -f "csplan import 1M: %e s, peak RSS %M KiB" \
  "$csplan" import accounts "$data/accounts_1m.csv" --db "$import_db" > /dev/null
/usr/bin/time -f "sqlite3 .import 1M: %e s, peak RSS %M KiB" \
  bash -c "sqlite3 $w1_db -cmd '.read bench/w1_schema.sql' < $data/w1_sqlite3_1m.sql > /dev/null"
rm -f "$import_db"* "$w1_db"*

echo "== W3 on the 100k book"
"$csplan" capacity --db "$data/book_100k.db" --catalog examples/w3-catalog.csv --format csv \
  > "$data/w3_100k.csv"
python3 bench/w3_check.py "$data/accounts_100k.csv" "$data/w3_100k.csv"
"$csplan" capacity --db "$data/book_100k.db" --catalog examples/w3-catalog.csv

echo "== criterion: plan after a parameter change, 100k accounts in memory"
CSPLAN_BENCH_BOOK="$PWD/$data/accounts_100k.csv" cargo bench -p csplan-domain --bench capacity

echo "== csplan capacity vs the sqlite3 shell, 1M accounts, same file"
group_by="SELECT CASE WHEN arr_cents >= 10000000 THEN 'Enterprise' WHEN arr_cents >= 2500000 THEN 'Mid-Market' ELSE 'SMB' END AS segment, count(*), sum(arr_cents) FROM accounts GROUP BY segment;"
sqlite3 "$data/book_1m.db" "$group_by"
hyperfine --warmup 1 --runs 5 --export-markdown "$data/capacity_1m.md" \
  -n "csplan capacity (1M)" "$csplan capacity --db $data/book_1m.db --catalog examples/w3-catalog.csv --format csv" \
  -n "sqlite3 GROUP BY (1M)" "sqlite3 $data/book_1m.db \"$group_by\""
for cmd in "$csplan capacity --db $data/book_1m.db --catalog examples/w3-catalog.csv --format csv" \
           "sqlite3 $data/book_1m.db \"$group_by\""; do
  /usr/bin/time -f "%e s, peak RSS %M KiB: $cmd" bash -c "$cmd > /dev/null"
done

echo "== criterion: plan over time risk bands, 10,000 trials, 8 quarters, 5 segments"
cargo bench -p csplan-domain --bench forecast

echo "== csplan metrics, 1M accounts across two snapshots (issue 7: under 1 s as a whole process)"
# The import snapshotted, then a second snapshot derived from it in SQL (churn, expansion,
# contraction, health and usage drift, new accounts), so the diff has every kind of movement.
metrics_db="$data/metrics_1m.db"
if [ ! -f "$metrics_db" ]; then
  cp "$data/book_1m.db" "$metrics_db"
  "$csplan" snapshot take --db "$metrics_db" --as-of 2026-01-01 --label "2026-Q1 (import)"
  sqlite3 "$metrics_db" < bench/metrics_second_snapshot.sql
fi
hyperfine --warmup 1 --runs 10 --export-markdown "$data/metrics_1m.md" \
  -n "csplan metrics (1M, whole book)" "$csplan metrics --db $metrics_db --format json" \
  -n "csplan metrics (1M, by segment)" "$csplan metrics --db $metrics_db --by segment --format json"
/usr/bin/time -f "%e s, peak RSS %M KiB: csplan metrics (1M, whole book)" \
  "$csplan" metrics --db "$metrics_db" --format json > /dev/null

echo "== csplan metrics --movements, 1M accounts + ~99k movements (the first snapshot and a file)"
# bench/metrics_movements.sql writes the file from the first snapshot (churn, expansion,
# contraction, 5,000 new logos); only the accounts it names leave the database.
movements_db="$data/metrics_1m_movements.db"
if [ ! -f "$movements_db" ]; then
  cp "$metrics_db" "$movements_db"
  sqlite3 "$movements_db" < bench/metrics_movements.sql > "$data/movements_1m.csv"
  "$csplan" movements import "$data/movements_1m.csv" --db "$movements_db"
fi
period="--period 2026-01-01..2026-03-31 --movements"
hyperfine --warmup 1 --runs 5 --export-markdown "$data/metrics_movements_1m.md" \
  -n "csplan metrics --movements (1M, whole book)" "$csplan metrics --db $movements_db $period --format json" \
  -n "csplan metrics --movements (1M, by segment)" "$csplan metrics --db $movements_db $period --by segment --format json"
