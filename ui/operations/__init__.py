"""Every call the UI makes into the vault, named by area (the shape of Anki's ``aqt/operations``).

A widget used to build its own ``VaultOp(parent=self, op=lambda: ...)`` inline; the
same service call was spelled out in several screens and nothing said which calls
the UI makes.  Now each module here holds, for one area, small functions taking
keyword-only arguments that each *build* (not start) the :class:`ui.ops.VaultOp`
for one call::

    operations.children.file(parent=self, session=self.session, child_id=child_id)
        .success(self._loaded).failure(self._failed).run()

The work still runs on the one serialising vault worker and the callbacks on the
GUI thread (that is :mod:`ui.ops`, unchanged).  The service is looked up when the
operation is built, on the GUI thread, as the widgets did.  These modules import
the core for type names only, so the sign-in window still paints before the
session and database modules load (tests/test_architecture.py).
"""

from ui.operations import (
    admin,
    children,
    consents,
    dashboard,
    devices,
    exports,
    faces,
    imports,
    lifestory,
    photos,
    records,
    session,
    supervision,
    users,
    wishes,
)

__all__ = [
    "admin",
    "children",
    "consents",
    "dashboard",
    "devices",
    "exports",
    "faces",
    "imports",
    "lifestory",
    "photos",
    "records",
    "session",
    "supervision",
    "users",
    "wishes",
]
