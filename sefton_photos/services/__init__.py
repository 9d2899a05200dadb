"""The services: every operation of the product, casework and administration alike.

Each service takes the session's one :class:`~sefton_photos.support.context.ServiceContext`
(the vault and the actor), asks :mod:`sefton_photos.policy` and :mod:`sefton_photos.access`
what is allowed, refuses through :mod:`sefton_photos.guard`, and does its work in a
transaction with its audit entry.  The session holds one of each (``session.children``,
``session.exports`` ...).  Services may use each other; nothing below them imports them
(the import-linter layers contract).
"""
