"""Known-answer vectors for the on-disk formats (docs/FORMATS.md), made by make_vectors.py."""
