"""Faces say why no one was suggested, and references say when and from what (R11, R13).

``faces.unmatched_reason`` holds, in plain words, why face matching suggested no child
for a face (switched off, nobody of the capture enrolled, born after the photo, too far).
``face_enrolments.taken_at`` and ``.source`` record when the reference photo was taken
and where it came from ("photo 12" or "a file"), so a stale reference can be re-enrolled.
A face a person marked "not this child" used to be stored as unknown with a reviewer;
it becomes ``rejected``, its own status.  Runs inside the one upgrade transaction,
after the backup, like every revision.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMNs: no table is copied.
    op.add_column("faces", sa.Column("unmatched_reason", sa.Text(), nullable=True))
    op.add_column("face_enrolments", sa.Column("taken_at", sa.DateTime(), nullable=True))
    op.add_column("face_enrolments", sa.Column("source", sa.Text(), nullable=True))
    op.execute(
        "UPDATE faces SET status = 'rejected' "
        "WHERE status = 'unknown' AND confirmed_by IS NOT NULL"
    )


def downgrade() -> None:
    op.execute("UPDATE faces SET status = 'unknown' WHERE status = 'rejected'")
    with op.batch_alter_table("face_enrolments") as batch:
        batch.drop_column("source")
        batch.drop_column("taken_at")
    with op.batch_alter_table("faces") as batch:
        batch.drop_column("unmatched_reason")
