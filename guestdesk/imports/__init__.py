"""One import engine for every file GuestDesk reads (PMS stays, reviews).

The engine reads and decodes the file, applies the profile and the limits, keeps the batch,
its progress and its per-row report, and runs every import in the background. An importer
(`guestdesk.imports.engine.Importer`) declares only its fields, how a row is parsed and how
rows are matched and written. Apps list their importers in an `importer.py` module with
`IMPORTERS = [...]`; nothing here imports an app.
"""
