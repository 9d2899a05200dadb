"""The ``sefton-photos`` command line: one module per command group, all over Session."""
