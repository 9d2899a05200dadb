"""The schema's migrations are one straight line, 0001, 0002, ... (no branch, no gap).

Two revisions made in parallel from the same parent give Alembic two heads, and then no
vault opens at all ("multiple heads"). This catches it before any user does.
"""

from __future__ import annotations

from alembic.script import ScriptDirectory

from sefton_photos.vault import migrate


def test_one_head_and_numbered_in_order() -> None:
    script = ScriptDirectory.from_config(migrate._config())
    assert len(script.get_heads()) == 1, script.get_heads()
    chain = [rev.revision for rev in script.walk_revisions()][::-1]  # base first
    assert chain == [f"{n:04d}" for n in range(1, len(chain) + 1)], chain
    assert script.get_current_head() == chain[-1]
