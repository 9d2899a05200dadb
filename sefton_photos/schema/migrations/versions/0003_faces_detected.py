"""Photos record whether their faces were ever looked for (R11, policy 5.5.1, 5.5.2).

A photo imported without face detection has no face rows, which looked the same as
"no faces found" and let it leave with every face clear.  Existing photos with face
rows were detected; those without are marked not yet detected, so they are looked at
again (``photo detect-faces``) before any export beyond the case record.  Runs inside
the one upgrade transaction, after the backup, like every revision.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: the photos table is not copied.
    op.add_column(
        "photos",
        sa.Column("faces_detected", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute(
        "UPDATE photos SET faces_detected = 1 "
        "WHERE EXISTS (SELECT 1 FROM faces WHERE faces.photo_id = photos.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("photos") as batch:
        batch.drop_column("faces_detected")
