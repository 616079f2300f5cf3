"""Checks every run makes before it commits: nothing lost, nothing dangling, counts that add up.

They run as SQL on the run's database in its staging folder, once every table is written, so
they cost no memory however many rows the run has. A broken invariant is a bug in this tool,
not bad input: the run stops before it commits, so the previous dataset stays as it was, and
the message says what broke.
"""

from __future__ import annotations

import sqlite3

from .errors import ExtractorError


class InvariantError(ExtractorError):
    """The tables a run is about to write contradict each other."""


# (what broke, a query giving up to 5 examples of it)
CHECKS = [
    ("input files without exactly one documents row",
     "SELECT source_path FROM (SELECT source_path, count(*) AS n FROM files GROUP BY 1) f "
     "FULL JOIN (SELECT source_path, count(*) AS n FROM documents GROUP BY 1) d USING (source_path) "
     "WHERE f.n IS NOT d.n"),
    ("documents whose n_rows differs from their mentions",
     "SELECT d.source_path || ': n_rows ' || d.n_rows || ' but ' || coalesce(m.n, 0) || ' mentions' FROM documents d "
     "LEFT JOIN (SELECT doc_id, source_path, count(*) AS n FROM mentions GROUP BY 1, 2) m USING (doc_id, source_path) "
     "WHERE d.n_rows IS NOT coalesce(m.n, 0)"),
    ("mentions that point to no document",
     "SELECT mention_id FROM mentions m WHERE NOT EXISTS "
     "(SELECT 1 FROM documents d WHERE d.doc_id = m.doc_id AND d.source_path = m.source_path)"),
    ("mentions that point to no exemplar",
     "SELECT mention_id || ' (' || quote(exemplar_id) || ')' FROM mentions m "
     "WHERE NOT EXISTS (SELECT 1 FROM exemplars e WHERE e.exemplar_id = m.exemplar_id)"),
    ("mentions their exemplar's mention_ids do not list",
     "SELECT m.mention_id FROM mentions m JOIN exemplars e USING (exemplar_id) "
     "WHERE instr(';' || e.mention_ids || ';', ';' || m.mention_id || ';') = 0"),
    ("exemplars whose n_mentions differs from their mentions or their mention_ids",
     "SELECT e.exemplar_id FROM exemplars e "
     "LEFT JOIN (SELECT exemplar_id, count(*) AS n FROM mentions GROUP BY 1) m USING (exemplar_id) "
     "WHERE e.n_mentions IS NOT coalesce(m.n, 0) "
     "OR e.n_mentions != length(e.mention_ids) - length(replace(e.mention_ids, ';', '')) + 1"),
]


def problems(conn: sqlite3.Connection) -> list[str]:
    """What contradicts what in a run's database (`documents`, `mentions`, `exemplars`, `files`)."""
    out = []
    for what, sql in CHECKS:
        found = [str(v) for (v,) in conn.execute(sql + " LIMIT 5")]
        if found:
            out.append(f"{what}: {', '.join(found)}")
    return out


def check(conn: sqlite3.Connection) -> None:
    found = problems(conn)
    if found:
        raise InvariantError("the run's tables contradict each other (a bug, please report): " + "; ".join(found))
