"""What the services are built from: the service context, and the shared pieces under it.

The context (the vault, the actor, the one way to audit and refuse), a child's file read
as policy facts (``childfile``), encrypted objects (``blobs``), face rows, settings, the
import pipeline's per-file work, PDFs, the AES ZIP, erasure and the vault check.  These
know nothing of the services above them (the import-linter layers contract).
"""
