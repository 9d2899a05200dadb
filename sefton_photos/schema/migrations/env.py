"""Alembic environment: always run on the keyed connection the vault hands over."""

from alembic import context

from sefton_photos.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copy
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
