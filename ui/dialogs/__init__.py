"""Dialogs: unlock, add user.  Each is usable (and tested) without ``exec()``."""
