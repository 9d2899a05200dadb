"""Alembic migrations of the vault database (run by sefton_photos.vault.migrate)."""
