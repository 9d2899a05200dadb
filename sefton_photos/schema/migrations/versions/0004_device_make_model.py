"""Devices record their make and model (R5, policy 5.5.4.5): an imported photo whose
EXIF names another make and model than the registered device's is refused.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("devices", sa.Column("make", sa.String(length=200), nullable=True))
    op.add_column("devices", sa.Column("model", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("model")
        batch.drop_column("make")
