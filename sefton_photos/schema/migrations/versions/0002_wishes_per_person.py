"""R2 (policy 5.5.4.2): a wish per person, and why a person with PR need not be asked.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

``wishes`` gains ``carer_name`` (a carer without PR) and ``worker_id`` (a worker's own
wish); ``wish_waivers`` holds a social worker's reason why a person with PR is not
asked, or that a carer no longer cares for the child.  Existing rows are kept as they are: a parent/carer wish that named a person
stays that person's; one that named no one cannot be attributed, so it speaks for no
one (each person with PR must be asked) except that an old "no" still refuses until
everyone with PR has been asked afresh.  An old worker wish stays "the worker's" until
a named worker records their own.  Runs in the one transaction of ``vault.migrate``,
after the backup.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("wishes") as batch:
        batch.add_column(sa.Column("carer_name", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("worker_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_wishes_worker_id_users"), "users", ["worker_id"], ["id"]
        )
    op.create_table(
        "wish_waivers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("carer_name", sa.String(length=200), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.id"], name=op.f("fk_wish_waivers_child_id_children")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["responsible_people.id"],
            name=op.f("fk_wish_waivers_person_id_responsible_people"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["users.id"], name=op.f("fk_wish_waivers_recorded_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wish_waivers")),
    )
    op.create_index(op.f("ix_wish_waivers_child_id"), "wish_waivers", ["child_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_wish_waivers_child_id"), table_name="wish_waivers")
    op.drop_table("wish_waivers")
    with op.batch_alter_table("wishes") as batch:
        batch.drop_constraint(op.f("fk_wishes_worker_id_users"), type_="foreignkey")
        batch.drop_column("worker_id")
        batch.drop_column("carer_name")
