"""The vault on disk: key slots, the SQLCipher database, the object store, the lock.

Nothing in this package knows about users' roles or the policy; it only keeps
bytes secret and detects when they have been changed.
"""
