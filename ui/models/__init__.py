"""Qt item models over the core's dataclasses; tested without any view."""
