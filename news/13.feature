Code health: `make start` installs only the runtime part of the lock (`constraints-runtime.txt`,
generated from the verified venv by `scripts/lock_split.py` and tested against the full lock);
`scripts/po_fill.py` edits catalogs with polib; tests that could not fail now can (re-entrant
registration turn) and no test skips "not installed yet"; `scripts/import_layers.py` measures
upward imports and cycles between sub-packages, and the layer order and its known debts are
written down in the architecture docs.
