"""The ``sefton-photos`` command line, all over Session: one module per top-level
command, named for it, and ``output`` the one way any of them prints."""
