"""The Qt Widgets front end of Sefton Photos.

It opens no database and applies no rule itself: every question goes to
:class:`sefton_photos.session.Session` (through :mod:`ui.ops`, off the GUI
thread) and the window shows the answer.
"""
