"""Sefton Photos core: the encrypted vault, the policy rules and the services over them.

This package never imports Qt; the desktop front end (``ui``) and the command line
(``sefton_photos.cli``) both drive it through :class:`sefton_photos.session.Session`.
"""

__version__ = "0.1.0"
