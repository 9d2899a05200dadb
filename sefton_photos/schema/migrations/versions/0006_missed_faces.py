"""Faces the detector missed: a person outlines them, and checks the whole photo (R11).

``faces.outlined_by`` is the person who drew a face's box round a face the detector
missed (null for the detector's own faces).  ``photos.faces_checked_at`` and
``.faces_checked_by`` record when a person last looked at the whole photo for faces
the detector missed; it is cleared when a face is outlined, and a publicity or
social-network export waits for it.  Photos imported before this revision have no
such check, so they wait for one too: a photo with no face found went to the public
with no person ever having looked.  Runs inside the one upgrade transaction, after
the backup, like every revision.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMNs, no table copied (SQLite allows a REFERENCES clause on
    # an added column whose default is NULL; Alembic's add_column would refuse it).
    op.execute("ALTER TABLE faces ADD COLUMN outlined_by INTEGER REFERENCES users (id)")
    op.add_column("photos", sa.Column("faces_checked_at", sa.DateTime(), nullable=True))
    op.execute("ALTER TABLE photos ADD COLUMN faces_checked_by INTEGER REFERENCES users (id)")


def downgrade() -> None:
    with op.batch_alter_table("photos") as batch:
        batch.drop_column("faces_checked_by")
        batch.drop_column("faces_checked_at")
    with op.batch_alter_table("faces") as batch:
        batch.drop_column("outlined_by")
