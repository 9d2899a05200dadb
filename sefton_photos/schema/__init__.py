"""The relational schema (SQLAlchemy 2 models) and its Alembic migrations.

``core`` holds the vault's own tables (users, objects, audit, settings); ``casework``
holds the child's file and what hangs off it.  Tables are designed for the whole
product now, so later features add columns rather than redesign.
"""

from sefton_photos.schema import casework, core
from sefton_photos.schema.base import Base

__all__ = ["Base", "casework", "core"]
