"""Reading and comparing outputs in the WORKLOADS.md §0 format (`#table <name>`, CSV header,
CSV rows), shared by w4_reference.py and w5_reference.py."""
import csv
import io
import math


def parse_tables(text):
    """{name: (header, rows)} in file order."""
    tables, name, lines = {}, None, []

    def flush():
        if name is not None:
            rows = list(csv.reader(io.StringIO("".join(lines))))
            tables[name] = ([h.lower() for h in rows[0]], rows[1:])

    for line in text.splitlines(keepends=True):
        if line.startswith("#table "):
            flush()
            name, lines = line[len("#table "):].strip(), []
        elif line.startswith("#"):
            continue
        elif name is not None:
            lines.append(line)
    flush()
    return tables


def _number(cell):
    try:
        return float(cell)
    except ValueError:
        return None


def compare(expected, actual, close):
    """Problems (strings) where `actual` differs from `expected`; `close(table, column, e, a)`
    decides numeric agreement."""
    problems = []
    if list(expected) != list(actual):
        problems.append(f"tables differ: expected {list(expected)}, got {list(actual)}")
    for name, (header, rows) in expected.items():
        if name not in actual:
            continue
        a_header, a_rows = actual[name]
        if header != a_header:
            problems.append(f"{name}: header {a_header} is not {header}")
            continue
        if len(rows) != len(a_rows):
            problems.append(f"{name}: {len(a_rows)} rows, expected {len(rows)}")
            continue
        for i, (row, a_row) in enumerate(zip(rows, a_rows)):
            for column, e, a in zip(header, row, a_row):
                en, an = _number(e), _number(a)
                if en is not None and an is not None:
                    ok = close(name, column, en, an)
                else:
                    ok = e == a
                if not ok:
                    problems.append(f"{name} row {i + 1} {column}: expected {e}, got {a}")
    return problems


def within_w4(expected, actual):
    """WORKLOADS.md §0: max(1e-6 absolute, 1e-9 relative)."""
    return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-6)


def fmt(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def print_table(name, columns, rows, out):
    out.write(f"#table {name}\n")
    out.write(",".join(columns) + "\n")
    for row in rows:
        out.write(",".join(fmt(v) for v in row) + "\n")
